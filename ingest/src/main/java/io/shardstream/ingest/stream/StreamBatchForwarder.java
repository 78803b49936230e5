package io.shardstream.ingest.stream;

import io.shardstream.ingest.DeadLetterSink;
import io.shardstream.ingest.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Forwards one shard's batches of stream records to Kafka, and checkpoints a batch only once Kafka
 * has acknowledged every record sent for it: a checkpoint then never moves past anything that could
 * still be lost, and a restart (KCL resumes at the last checkpoint) re-sends at most the
 * unacknowledged batch, whose events carry the same ids and versions (the writer counts them as
 * duplicates).
 *
 * <p>Records that cannot become an event (no version, no image, wrong types: see {@link
 * StreamRecordMapper}) go to the dead-letter sink with their reason code, detail and the record as
 * JSON, are logged and counted, and the batch is checkpointed past them once their dead letters are
 * acknowledged too: re-reading them would give the same answer, holding the shard on them would
 * stop every later change of the table, and after the stream's 24-hour retention only the dead
 * letter is left. Events the writer will refuse (empty ids, bad addresses) are produced as usual
 * and dead-lettered there.
 *
 * <p>When delivery fails, of an event or of a dead letter alike (the producer has already retried
 * up to its delivery timeout), or the schema registry fails, the batch is not checkpointed, this
 * forwarder refuses every later batch (processing them would checkpoint past the lost one), and
 * {@code onFailure} is told, which stops the source: the next start re-reads from the last
 * checkpoint. One shard's records are handled by one forwarder, one batch at a time (KCL's contract
 * for a record processor).
 */
public final class StreamBatchForwarder {
  private static final Logger LOG = LoggerFactory.getLogger(StreamBatchForwarder.class);

  /** Records a shard position as processed: KCL's checkpointer, or a fake in tests. */
  @FunctionalInterface
  public interface Checkpointer {
    /**
     * @throws Exception when the checkpoint cannot be written; the batch will be read again after a
     *     restart, which is harmless
     */
    void checkpoint(String sequenceNumber) throws Exception;
  }

  /** What became of a batch. */
  public enum BatchOutcome {
    CHECKPOINTED,
    EMPTY,
    NOT_CHECKPOINTED,
    FAILED,
    REFUSED_AFTER_FAILURE
  }

  private final StreamRecordMapper mapper;
  private final EventSink sink;
  private final DeadLetterSink deadLetters;
  private final StreamSourceStats stats;
  private final Consumer<Throwable> onFailure;
  private volatile Throwable failure;

  public StreamBatchForwarder(
      StreamRecordMapper mapper,
      EventSink sink,
      DeadLetterSink deadLetters,
      StreamSourceStats stats,
      Consumer<Throwable> onFailure) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
  }

  public BatchOutcome forward(List<Record> records, Checkpointer checkpointer) {
    if (failure != null) {
      return BatchOutcome.REFUSED_AFTER_FAILURE;
    }
    if (records.isEmpty()) {
      return BatchOutcome.EMPTY;
    }
    // Events and dead letters alike: the checkpoint waits for every one of them.
    List<CompletableFuture<Void>> deliveries = new ArrayList<>(records.size());
    int events = 0;
    try {
      for (Record record : records) {
        switch (mapper.map(record)) {
          case MappedChange.Event event -> {
            deliveries.add(sink.send(event.record()));
            events++;
          }
          case MappedChange.Rejected rejected -> {
            stats.rejected(rejected.code());
            LOG.warn(
                "stream record is not an event, dead-lettered as {}: {}",
                rejected.code(),
                rejected.detail());
            deliveries.add(deadLetters.send(rejected.toDeadLetter()));
          }
        }
      }
      // no linger: the batch's checkpoint waits for the last ack
      sink.flush();
      if (events < deliveries.size()) {
        deadLetters.flush();
      }
      CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      return fail(e.getCause() != null ? e.getCause() : e);
    } catch (RuntimeException e) { // the schema registry, or the sink's own state
      return fail(e);
    }
    stats.produced(events);
    String last = records.getLast().dynamodb().sequenceNumber();
    try {
      checkpointer.checkpoint(last);
      stats.checkpointed();
      return BatchOutcome.CHECKPOINTED;
    } catch (Exception e) {
      LOG.warn(
          "checkpoint at sequence number {} not written ({}); the records after the previous "
              + "checkpoint will be read again after a restart",
          last,
          e.toString());
      return BatchOutcome.NOT_CHECKPOINTED;
    }
  }

  /** The delivery failure that stopped this shard's forwarding, if any. */
  public Throwable failure() {
    return failure;
  }

  private BatchOutcome fail(Throwable cause) {
    failure = cause;
    LOG.error(
        "events or dead letters not acknowledged by Kafka ({}); the batch is not checkpointed and "
            + "the source stops, to re-read it from the last checkpoint on the next start",
        cause.toString());
    onFailure.accept(cause);
    return BatchOutcome.FAILED;
  }
}
