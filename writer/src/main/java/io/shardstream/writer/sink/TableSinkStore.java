package io.shardstream.writer.sink;

import io.shardstream.dynamo.write.RejectedWrite;
import io.shardstream.dynamo.write.WriteOperation;
import io.shardstream.writer.metrics.WriterMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DynamoDB sink of one task: a state store (not persistent, no changelog) that buffers the
 * task's table writes in processing order and makes them durable before the task commits.
 *
 * <h2>Why offsets are committed only after the writes are durable</h2>
 *
 * The writer runs with {@code processing.guarantee=exactly_once_v2}: a stream thread commits the
 * offsets of its tasks only inside its producer's transaction, by calling the public {@link
 * org.apache.kafka.clients.producer.Producer} methods {@code sendOffsetsToTransaction} and then
 * {@code commitTransaction}, on every commit path (commit interval, rebalance, clean shutdown).
 * Kafka Streams takes its producers from a public {@link
 * org.apache.kafka.streams.KafkaClientSupplier}; the writer's ({@link DurableCommitClientSupplier})
 * wraps each one so that both calls first write every sink the committing thread buffered into
 * ({@link ThreadSinks}), synchronously. If a write fails, the call throws before the offsets join
 * the transaction: the transaction is aborted, and the thread's tasks process their records again
 * from the last committed offsets (see {@link SinkFlushingProducer}). The public {@link
 * StateStore#commit(Map)} cannot serve: Kafka Streams calls it only after the offsets are
 * committed.
 *
 * <p>The buffer is also written when it reaches {@code maxBufferedOps} (early writes are harmless:
 * they are the same whole states a retry would write). If that write fails, the sink drops what it
 * is given until the commit, which then fails. EventOutcome counters of the events whose writes are
 * buffered are applied only once the buffer is durable ({@link #afterDurable}), so a failed attempt
 * that is processed again does not count twice.
 *
 * <p>A write DynamoDB rejects for good (a {@code ValidationException} the validation did not
 * foresee) cannot be dead-lettered from here: it is logged with its origin, counted ({@code
 * shardstream.writer.table.writes.rejected}) and skipped, so that one bad item does not stop every
 * partition of the task forever.
 */
public final class TableSinkStore implements StateStore {
  private static final Logger LOG = LoggerFactory.getLogger(TableSinkStore.class);

  private final String name;
  private final TableWriter table;
  private final int maxBufferedOps;
  private final WriterMetrics metrics;
  private final Duration failureBackoff;
  private final ThreadSinks threadSinks;
  private final List<WriteOperation> operations = new ArrayList<>();
  private final List<String> origins = new ArrayList<>();
  private final List<Runnable> afterDurable = new ArrayList<>();
  private TaskId taskId;
  private boolean open;

  /** Set when a write failed: the task is going down and must not commit (until re-initialised). */
  private RuntimeException failure;

  TableSinkStore(
      String name,
      TableWriter table,
      int maxBufferedOps,
      WriterMetrics metrics,
      Duration failureBackoff,
      ThreadSinks threadSinks) {
    this.name = name;
    this.table = table;
    this.maxBufferedOps = maxBufferedOps;
    this.metrics = metrics;
    this.failureBackoff = failureBackoff;
    this.threadSinks = threadSinks;
  }

  /**
   * Buffers a write; {@code origin} (e.g. {@code users.changes-0@42}) names the source record in
   * logs should DynamoDB reject it.
   */
  public void add(WriteOperation operation, String origin) {
    if (failure != null) {
      return; // the commit will fail and these records are processed again
    }
    threadSinks.enlist(this);
    operations.add(operation);
    origins.add(origin);
    if (operations.size() >= maxBufferedOps) {
      try {
        writeBuffer();
      } catch (TableWriteFailedException e) {
        // Reported by the commit, which this sink now fails (the buffer is dropped already).
      }
    }
  }

  /** Runs {@code action} once every write buffered so far is durable (it may be at once). */
  public void afterDurable(Runnable action) {
    if (failure != null) {
      return;
    }
    threadSinks.enlist(this);
    afterDurable.add(action);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    this.taskId = context.taskId();
    // Nothing to restore: the table itself is the durable copy.
    context.register(root, (key, value) -> {});
    discard();
    failure = null;
    open = true;
  }

  /** A closing task drops its buffer: a clean close has written it, a dirty one will re-process. */
  @Override
  public void close() {
    discard();
    open = false;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  /** Operations waiting for the next write (tests, diagnostics). */
  public int buffered() {
    return operations.size();
  }

  /**
   * Writes the buffer and runs the actions waiting for it (see the class comment).
   *
   * @throws TableWriteFailedException if the writes are not durable: the task must not commit
   */
  void writeBuffer() {
    SinkWrite.writeTogether(table, List.of(this));
  }

  /** The table this sink writes to: sinks on the same one are written together. */
  TableWriter table() {
    return table;
  }

  /**
   * The buffered writes, for a {@link SinkWrite}.
   *
   * @throws TableWriteFailedException if an earlier write failed: the task must not commit
   */
  List<WriteOperation> pendingWrites() {
    requireHealthy();
    return List.copyOf(operations);
  }

  /**
   * The buffered writes are durable but for {@code rejected} (indexed as in {@link
   * #pendingWrites()}): clears the buffer and runs the actions waiting for it.
   */
  void written(List<RejectedWrite> rejected, Duration latency) {
    if (!operations.isEmpty()) {
      metrics.flushed(operations.size(), latency);
    }
    for (RejectedWrite write : rejected) {
      metrics.writeRejected();
      LOG.error(
          "task {}: DynamoDB rejected the write for {} from {}: {} (skipped)",
          taskId,
          write.operation(),
          origins.get(write.index()),
          write.reason());
    }
    operations.clear();
    origins.clear();
    List<Runnable> durable = List.copyOf(afterDurable);
    afterDurable.clear();
    durable.forEach(Runnable::run);
  }

  /** The buffered writes are not durable: this task must not commit until re-initialised. */
  void failed(RuntimeException cause) {
    failure = cause;
    metrics.flushFailed();
    LOG.warn(
        "task {}: {} table writes failed, retrying the task's records in {}: {}",
        taskId,
        operations.size(),
        failureBackoff,
        cause.toString());
    discard();
  }

  /** "task 0_1", for messages. */
  String describe() {
    return "task " + taskId;
  }

  /** Waits the failure backoff before the task's records are processed again. */
  void pauseAfterFailure() {
    pause();
  }

  private void pause() {
    try {
      Thread.sleep(failureBackoff);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void requireHealthy() {
    if (failure != null) {
      throw new TableWriteFailedException(
          "task " + taskId + ": an earlier table write failed", failure);
    }
  }

  private void discard() {
    operations.clear();
    origins.clear();
    afterDurable.clear();
  }
}
