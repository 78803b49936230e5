package io.shardstream.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.EventSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void checkpointsTheBatchsLastSequenceNumberOnlyAfterEveryAck() throws Exception {
    HeldAckSink sink = new HeldAckSink(log);
    StreamBatchForwarder forwarder = forwarder(sink);
    List<Record> batch = List.of(insert("11", "u-1", 1), insert("12", "u-2", 1), insert("13", "u-1", 2));

    Future<StreamBatchForwarder.Outcome> outcome = executor.submit(() -> forwarder.forward(batch, this::checkpoint));
    sink.awaitSent(3);
    assertThat(outcome.isDone()).isFalse();
    sink.ackAll(); // newest first: the checkpoint still waits for all

    assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(StreamBatchForwarder.Outcome.CHECKPOINTED);
    assertThat(log).containsExactly("send u-1", "send u-2", "send u-1", "ack u-1", "ack u-2", "ack u-1", "checkpoint 13");
    assertThat(stats.produced()).isEqualTo(3);
  }

  @Test
  void aFailedDeliveryIsNotCheckpointedAndLaterBatchesAreRefused() throws Exception {
    HeldAckSink sink = new HeldAckSink(log);
    StreamBatchForwarder forwarder = forwarder(sink);
    Future<StreamBatchForwarder.Outcome> first =
        executor.submit(() -> forwarder.forward(List.of(insert("11", "u-1", 1), insert("12", "u-2", 1)), this::checkpoint));
    sink.awaitSent(2);
    sink.fail(1, new IllegalStateException("broker said no"));
    sink.ackAll();

    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(StreamBatchForwarder.Outcome.FAILED);
    assertThat(forwarder.forward(List.of(insert("13", "u-3", 1)), this::checkpoint))
        .isEqualTo(StreamBatchForwarder.Outcome.REFUSED_AFTER_FAILURE);

    assertThat(log).noneMatch(line -> line.startsWith("checkpoint")).doesNotContain("send u-3");
    assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("broker said no");
    assertThat(forwarder.failure()).isSameAs(failures.getFirst());
  }

  @Test
  void aRegistryFailureWhileSendingStopsWithoutCheckpoint() {
    EventSink registryDown = new EventSink() {
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
        .isEqualTo(StreamBatchForwarder.Outcome.FAILED);
    assertThat(log).isEmpty();
    assertThat(failures).hasSize(1);
  }

  @Test
  void rejectedRecordsAreCountedWithTheirReasonAndCheckpointedPast() {
    HeldAckSink sink = new HeldAckSink(log).autoAck();
    Map<String, AttributeValue> noVersion = SourceTables.user("u-9", 1, "Ana");
    noVersion.remove("version");

    StreamBatchForwarder.Outcome outcome = forwarder(sink).forward(
        List.of(insert("11", "u-1", 1), StreamRecords.insert("12", noVersion)), this::checkpoint);

    assertThat(outcome).isEqualTo(StreamBatchForwarder.Outcome.CHECKPOINTED);
    assertThat(log).containsExactly("send u-1", "ack u-1", "checkpoint 12");
    assertThat(stats.rejected()).isEqualTo(1);
    assertThat(stats.rejectedByReason()).containsExactly(Map.entry("missing version attribute 'version' in the new image", 1L));
  }

  @Test
  void aCheckpointThatCannotBeWrittenIsReportedButNotFatal() {
    HeldAckSink sink = new HeldAckSink(log).autoAck();

    StreamBatchForwarder.Outcome outcome = forwarder(sink).forward(List.of(insert("11", "u-1", 1)), seq -> {
      throw new IllegalStateException("lease lost");
    });

    assertThat(outcome).isEqualTo(StreamBatchForwarder.Outcome.NOT_CHECKPOINTED);
    assertThat(failures).isEmpty();
  }

  @Test
  void anEmptyBatchIsNotCheckpointed() {
    assertThat(forwarder(new HeldAckSink(log)).forward(List.of(), this::checkpoint)).isEqualTo(StreamBatchForwarder.Outcome.EMPTY);
    assertThat(log).isEmpty();
  }

  private StreamBatchForwarder forwarder(EventSink sink) {
    StreamRecordMapper mapper = new StreamRecordMapper(SourceMapping.of("users-src", SourceEntity.USER), Clock.systemUTC());
    return new StreamBatchForwarder(mapper, sink, stats, failures::add);
  }

  private void checkpoint(String sequenceNumber) {
    synchronized (log) {
      log.add("checkpoint " + sequenceNumber);
    }
  }

  private static Record insert(String seq, String userId, long version) {
    return StreamRecords.insert(seq, SourceTables.user(userId, version, "Ana"));
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
