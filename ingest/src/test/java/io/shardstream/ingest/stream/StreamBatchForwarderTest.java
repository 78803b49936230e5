package io.shardstream.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.DeadLetterSink;
import io.shardstream.ingest.EventSink;
import io.shardstream.ingest.RejectedInput;
import io.shardstream.schemas.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

class StreamBatchForwarderTest {
  private final List<String> log = new ArrayList<>();
  private final List<Throwable> failures = new ArrayList<>();
  private final StreamSourceStats stats = new StreamSourceStats();
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final HeldAckDeadLetters deadLetters = new HeldAckDeadLetters(log);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void checkpointsTheBatchsLastSequenceNumberOnlyAfterEveryAck() throws Exception {
    HeldAckSink sink = new HeldAckSink(log);
    StreamBatchForwarder forwarder = forwarder(sink);
    List<Record> batch =
        List.of(insert("11", "u-1", 1), insert("12", "u-2", 1), insert("13", "u-1", 2));

    Future<StreamBatchForwarder.BatchOutcome> outcome =
        executor.submit(() -> forwarder.forward(batch, this::checkpoint));
    sink.awaitSent(3);
    assertThat(outcome.isDone()).isFalse();
    sink.ackAll(); // newest first: the checkpoint still waits for all

    assertThat(outcome.get(5, TimeUnit.SECONDS))
        .isEqualTo(StreamBatchForwarder.BatchOutcome.CHECKPOINTED);
    assertThat(log)
        .containsExactly(
            "send u-1", "send u-2", "send u-1", "ack u-1", "ack u-2", "ack u-1", "checkpoint 13");
    assertThat(stats.produced()).isEqualTo(3);
  }

  @Test
  void aFailedDeliveryIsNotCheckpointedAndLaterBatchesAreRefused() throws Exception {
    HeldAckSink sink = new HeldAckSink(log);
    StreamBatchForwarder forwarder = forwarder(sink);
    Future<StreamBatchForwarder.BatchOutcome> first =
        executor.submit(
            () ->
                forwarder.forward(
                    List.of(insert("11", "u-1", 1), insert("12", "u-2", 1)), this::checkpoint));
    sink.awaitSent(2);
    sink.fail(1, new IllegalStateException("broker said no"));
    sink.ackAll();

    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(StreamBatchForwarder.BatchOutcome.FAILED);
    assertThat(forwarder.forward(List.of(insert("13", "u-3", 1)), this::checkpoint))
        .isEqualTo(StreamBatchForwarder.BatchOutcome.REFUSED_AFTER_FAILURE);

    assertThat(log).noneMatch(line -> line.startsWith("checkpoint")).doesNotContain("send u-3");
    assertThat(failures)
        .singleElement()
        .extracting(Throwable::getMessage)
        .isEqualTo("broker said no");
    assertThat(forwarder.failure()).isSameAs(failures.getFirst());
  }

  @Test
  void aRegistryFailureWhileSendingStopsWithoutCheckpoint() {
    EventSink registryDown =
        new EventSink() {
          @Override
          public CompletableFuture<Void> send(ChangeRecord record) {
            throw new IllegalStateException("schema registry unreachable");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };

    assertThat(forwarder(registryDown).forward(List.of(insert("11", "u-1", 1)), this::checkpoint))
        .isEqualTo(StreamBatchForwarder.BatchOutcome.FAILED);
    assertThat(log).isEmpty();
    assertThat(failures).hasSize(1);
  }

  @Test
  void rejectedRecordsAreDeadLetteredCountedAndCheckpointedPast() throws Exception {
    HeldAckSink sink = new HeldAckSink(log).autoAck();
    Map<String, AttributeValue> noVersion = SourceTables.user("u-9", 1, "Ana");
    noVersion.remove("version");
    Map<String, AttributeValue> fractional = SourceTables.user("u-8", 1, "Bo");
    fractional.put("version", AttributeValue.fromN("1.5"));
    deadLetters.autoAck();

    StreamBatchForwarder.BatchOutcome outcome =
        forwarder(sink)
            .forward(
                List.of(
                    insert("11", "u-1", 1),
                    StreamRecords.insert("12", noVersion),
                    StreamRecords.insert("13", fractional)),
                this::checkpoint);

    assertThat(outcome).isEqualTo(StreamBatchForwarder.BatchOutcome.CHECKPOINTED);
    assertThat(log)
        .containsExactly(
            "send u-1",
            "ack u-1",
            "dead-letter stream:missing-version",
            "ack dead letter 0",
            "dead-letter stream:bad-version",
            "ack dead letter 1",
            "checkpoint 13");
    RejectedInput missing = deadLetters.sent.getFirst();
    assertThat(missing.reason()).isEqualTo("stream:missing-version");
    assertThat(missing.detail())
        .isEqualTo(
            "table users-src, INSERT seq 12 key {userId=u-9}: missing version attribute 'version'"
                + " in the new image");
    assertThat(missing.sourceHeaders())
        .containsOnly(
            Map.entry(DeadLetterHeaders.SOURCE_TABLE, "users-src"),
            Map.entry(DeadLetterHeaders.SOURCE_SEQUENCE_NUMBER, "12"),
            Map.entry(DeadLetterHeaders.SOURCE_EVENT_NAME, "INSERT"));
    assertThat(new String(missing.key(), StandardCharsets.UTF_8)).isEqualTo("{\"userId\":\"u-9\"}");
    JsonNode value = JsonMapper.builder().build().readTree(missing.value());
    assertThat(value.get("eventID").asText()).isEqualTo("ev-12");
    assertThat(value.get("newImage").get("firstName").asText()).isEqualTo("Ana");
    assertThat(value.get("newImage").has("version")).isFalse();
    assertThat(deadLetters.sent.get(1).detail())
        .endsWith("must be a whole number (64-bit), got 1.5");

    assertThat(stats.produced()).isEqualTo(1);
    assertThat(stats.rejected()).isEqualTo(2);
    assertThat(stats.rejectedByReason())
        .containsExactly(
            Map.entry("stream:bad-version", 1L), Map.entry("stream:missing-version", 1L));
  }

  @Test
  void theCheckpointWaitsForTheDeadLettersAcksToo() throws Exception {
    HeldAckSink sink = new HeldAckSink(log).autoAck();
    Map<String, AttributeValue> noVersion = SourceTables.user("u-9", 1, "Ana");
    noVersion.remove("version");
    StreamBatchForwarder forwarder = forwarder(sink);

    Future<StreamBatchForwarder.BatchOutcome> outcome =
        executor.submit(
            () ->
                forwarder.forward(
                    List.of(StreamRecords.insert("11", noVersion), insert("12", "u-1", 1)),
                    this::checkpoint));
    deadLetters.awaitSent(1);
    ProgressWait.until("u-1 acknowledged", () -> logged("ack u-1"))
        .progress("the forwarder's log", this::logSize)
        .await();
    assertThat(outcome.isDone()).isFalse(); // the event is acknowledged, the dead letter not yet
    assertThat(logged("checkpoint 12")).isFalse();
    deadLetters.ackAll();

    assertThat(outcome.get(5, TimeUnit.SECONDS))
        .isEqualTo(StreamBatchForwarder.BatchOutcome.CHECKPOINTED);
    assertThat(log).endsWith("ack dead letter 0", "checkpoint 12");
  }

  @Test
  void aFailedDeadLetterStopsLikeAFailedEvent() throws Exception {
    HeldAckSink sink = new HeldAckSink(log).autoAck();
    Map<String, AttributeValue> noVersion = SourceTables.user("u-9", 1, "Ana");
    noVersion.remove("version");
    StreamBatchForwarder forwarder = forwarder(sink);

    Future<StreamBatchForwarder.BatchOutcome> first =
        executor.submit(
            () ->
                forwarder.forward(
                    List.of(insert("11", "u-1", 1), StreamRecords.insert("12", noVersion)),
                    this::checkpoint));
    deadLetters.awaitSent(1);
    deadLetters.fail(0, new IllegalStateException("dead-letter topic unavailable"));

    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(StreamBatchForwarder.BatchOutcome.FAILED);
    assertThat(forwarder.forward(List.of(insert("13", "u-3", 1)), this::checkpoint))
        .isEqualTo(StreamBatchForwarder.BatchOutcome.REFUSED_AFTER_FAILURE);
    assertThat(log).noneMatch(line -> line.startsWith("checkpoint")).doesNotContain("send u-3");
    assertThat(failures)
        .singleElement()
        .extracting(Throwable::getMessage)
        .isEqualTo("dead-letter topic unavailable");
  }

  @Test
  void aCheckpointThatCannotBeWrittenIsReportedButNotFatal() {
    HeldAckSink sink = new HeldAckSink(log).autoAck();

    StreamBatchForwarder.BatchOutcome outcome =
        forwarder(sink)
            .forward(
                List.of(insert("11", "u-1", 1)),
                seq -> {
                  throw new IllegalStateException("lease lost");
                });

    assertThat(outcome).isEqualTo(StreamBatchForwarder.BatchOutcome.NOT_CHECKPOINTED);
    assertThat(failures).isEmpty();
  }

  @Test
  void anEmptyBatchIsNotCheckpointed() {
    assertThat(forwarder(new HeldAckSink(log)).forward(List.of(), this::checkpoint))
        .isEqualTo(StreamBatchForwarder.BatchOutcome.EMPTY);
    assertThat(log).isEmpty();
  }

  private StreamBatchForwarder forwarder(EventSink sink) {
    StreamRecordMapper mapper =
        new StreamRecordMapper(SourceMapping.of("users-src", SourceEntity.USER), Clock.systemUTC());
    return new StreamBatchForwarder(mapper, sink, deadLetters, stats, failures::add);
  }

  private int logSize() {
    synchronized (log) {
      return log.size();
    }
  }

  private boolean logged(String line) {
    synchronized (log) {
      return log.contains(line);
    }
  }

  private void checkpoint(String sequenceNumber) {
    synchronized (log) {
      log.add("checkpoint " + sequenceNumber);
    }
  }

  private static Record insert(String seq, String userId, long version) {
    return StreamRecords.insert(seq, SourceTables.user(userId, version, "Ana"));
  }

  /** A dead-letter sink whose acknowledgements the test releases or fails at will. */
  private static final class HeldAckDeadLetters implements DeadLetterSink {
    private final List<String> log;
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();
    final List<RejectedInput> sent = new CopyOnWriteArrayList<>();
    private boolean autoAck;

    HeldAckDeadLetters(List<String> log) {
      this.log = log;
    }

    void autoAck() {
      autoAck = true;
    }

    @Override
    public synchronized CompletableFuture<Void> send(RejectedInput letter) {
      synchronized (log) {
        log.add("dead-letter " + letter.reason());
      }
      sent.add(letter);
      CompletableFuture<Void> ack = new CompletableFuture<>();
      pending.add(ack);
      notifyAll();
      if (autoAck) {
        ackAll();
      }
      return ack;
    }

    synchronized void awaitSent(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (pending.size() < count && System.nanoTime() < deadline) {
        wait(50);
      }
      assertThat(pending).hasSize(count);
    }

    synchronized void fail(int index, Throwable cause) {
      pending.get(index).completeExceptionally(cause);
    }

    synchronized void ackAll() {
      for (int i = 0; i < pending.size(); i++) {
        if (!pending.get(i).isDone()) {
          synchronized (log) {
            log.add("ack dead letter " + i);
          }
          pending.get(i).complete(null);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** A sink whose acknowledgements the test releases (newest first), or fails, at will. */
  private static final class HeldAckSink implements EventSink {
    private final List<String> log;
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private boolean autoAck;

    HeldAckSink(List<String> log) {
      this.log = log;
    }

    HeldAckSink autoAck() {
      autoAck = true;
      return this;
    }

    @Override
    public synchronized CompletableFuture<Void> send(ChangeRecord record) {
      synchronized (log) {
        log.add("send " + record.key());
      }
      CompletableFuture<Void> ack = new CompletableFuture<>();
      keys.add(record.key());
      pending.add(ack);
      if (autoAck) {
        ackAll();
      }
      return ack;
    }

    synchronized void awaitSent(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (pending.size() < count && System.nanoTime() < deadline) {
        wait(50);
      }
      assertThat(pending).hasSize(count);
    }

    synchronized void fail(int index, Throwable cause) {
      pending.get(index).completeExceptionally(cause);
    }

    /** Newest first, as partitions may acknowledge in any order. */
    synchronized void ackAll() {
      for (int i = pending.size() - 1; i >= 0; i--) {
        if (!pending.get(i).isDone()) {
          synchronized (log) {
            log.add("ack " + keys.get(i)); // before completing: the forwarder may go on at once
          }
          pending.get(i).complete(null);
        }
      }
    }

    /** Like Kafka's flush, returns at once here: the forwarder must wait on the acks themselves. */
    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
