package io.shardstream.writer.sink;

import io.shardstream.dynamo.write.BatchWriteResult;
import io.shardstream.dynamo.write.RejectedWrite;
import io.shardstream.dynamo.write.WriteOperation;
import io.shardstream.writer.metrics.WriterMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DynamoDB sink of one task: a state store (not persistent, no changelog) that buffers the
 * task's table writes in processing order and makes them durable before the task commits.
 *
 * <h2>Why offsets are committed only after the writes are durable</h2>
 *
 * Kafka Streams (4.3.x and 4.4.0) commits a task in three steps: {@code StreamTask.prepareCommit}
 * (which calls {@code ProcessorStateManager.flushCache()}, then flushes the record collector), then
 * the consumer-offset commit or, under exactly_once_v2, the transaction commit that carries the
 * offsets, then {@code postCommit}. {@link StateStore#commit(Map)} runs only in {@code postCommit}
 * (after the offsets, and under EOS only at enforced checkpoints), so it cannot guard anything.
 * {@code flushCache()} is the one hook that runs before the offsets are committed, on every commit
 * path (regular commits, rebalances, clean shutdown); it is offered to stores that implement {@link
 * CachedStateStore}. This store implements it and writes its buffer there, synchronously: if the
 * write fails it throws (after {@code failureBackoff}, so that an outage does not spin), the commit
 * does not happen, and the thread's tasks process their records again from the last committed
 * offsets (see {@link TableWriteFailedException} for how). {@code CachedStateStore} is an internal
 * interface: the integration test {@code SinkDurabilityIT} checks the behaviour on the Kafka
 * version in use, so an upgrade that moves the hook fails the build instead of losing writes.
 *
 * <p>The buffer is also written when it reaches {@code maxBufferedOps} (early writes are harmless:
 * they are the same whole states a retry would write). Outcome counters of the events whose writes
 * are buffered are applied only once the buffer is durable ({@link #afterDurable}), so a failed
 * attempt that is processed again does not count twice.
 *
 * <p>A write DynamoDB rejects for good (a {@code ValidationException} the validation did not
 * foresee) cannot be dead-lettered from here: it is logged with its origin, counted ({@code
 * shardstream.writer.table.writes.rejected}) and skipped, so that one bad item does not stop every
 * partition of the task forever.
 */
public final class TableSinkStore implements StateStore, CachedStateStore<Object, Object> {
  private static final Logger LOG = LoggerFactory.getLogger(TableSinkStore.class);

  /**
   * Set on a stream thread when one of its sinks failed: Kafka Streams then closes every task of
   * the thread dirty, which calls each sink's {@link #flushCache()} once more. Those writes would
   * be processed again anyway, and during an outage each would wait out its retries, so the other
   * sinks drop them. Cleared by the next record the thread buffers (new tasks at work).
   */
  private static final ThreadLocal<Boolean> THREAD_FAILED = ThreadLocal.withInitial(() -> false);

  private final String name;
  private final TableWriter table;
  private final int maxBufferedOps;
  private final WriterMetrics metrics;
  private final Duration failureBackoff;
  private final List<WriteOperation> operations = new ArrayList<>();
  private final List<String> origins = new ArrayList<>();
  private final List<Runnable> afterDurable = new ArrayList<>();
  private TaskId taskId;
  private boolean open;

  /** Set when a write failed: the task is going down and must not commit. */
  private RuntimeException failure;

  TableSinkStore(
      String name,
      TableWriter table,
      int maxBufferedOps,
      WriterMetrics metrics,
      Duration failureBackoff) {
    this.name = name;
    this.table = table;
    this.maxBufferedOps = maxBufferedOps;
    this.metrics = metrics;
    this.failureBackoff = failureBackoff;
  }

  /**
   * Buffers a write; {@code origin} (e.g. {@code users.changes-0@42}) names the source record in
   * logs should DynamoDB reject it.
   */
  public void add(WriteOperation operation, String origin) {
    requireHealthy();
    THREAD_FAILED.set(false);
    operations.add(operation);
    origins.add(origin);
    if (operations.size() >= maxBufferedOps) {
      writeBuffer();
    }
  }

  /** Runs {@code action} once every write buffered so far is durable (it may be at once). */
  public void afterDurable(Runnable action) {
    requireHealthy();
    THREAD_FAILED.set(false);
    afterDurable.add(action);
  }

  /** Writes the buffer; the task's pre-commit hook (see the class comment). */
  @Override
  public void flushCache() {
    writeBuffer();
  }

  /** After the offsets: a no-op unless records arrived since {@link #flushCache()}. */
  @Override
  public void commit(Map<TopicPartition, Long> changelogOffsets) {
    writeBuffer();
  }

  /** Kafka Streams recycles a task's stores this way after flushing them: drop what is left. */
  @Override
  public void clearCache() {
    discard();
  }

  @Override
  public boolean setFlushListener(
      CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
    return false;
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

  private void writeBuffer() {
    requireHealthy();
    if (THREAD_FAILED.get() && !(operations.isEmpty() && afterDurable.isEmpty())) {
      discard();
      throw new TableWriteFailedException(
          "task "
              + taskId
              + ": another task of this thread"
              + " failed to write; its records are processed again",
          null);
    }
    if (!operations.isEmpty()) {
      List<WriteOperation> batch = List.copyOf(operations);
      long start = System.nanoTime();
      BatchWriteResult result;
      try {
        result = table.write(batch);
      } catch (RuntimeException e) {
        failure = e;
        metrics.flushFailed();
        discard();
        THREAD_FAILED.set(true);
        LOG.warn(
            "task {}: {} table writes failed, retrying the task's records in {}: {}",
            taskId,
            batch.size(),
            failureBackoff,
            e.toString());
        pause();
        throw new TableWriteFailedException(
            "task "
                + taskId
                + ": "
                + batch.size()
                + " table writes are not durable; the task will not commit and re-processes its"
                + " records",
            e);
      }
      metrics.flushed(batch.size(), Duration.ofNanos(System.nanoTime() - start));
      for (RejectedWrite rejected : result.rejected()) {
        metrics.writeRejected();
        LOG.error(
            "task {}: DynamoDB rejected the write for {} from {}: {} (skipped)",
            taskId,
            rejected.operation(),
            origins.get(rejected.index()),
            rejected.reason());
      }
      operations.clear();
      origins.clear();
    }
    List<Runnable> durable = List.copyOf(afterDurable);
    afterDurable.clear();
    durable.forEach(Runnable::run);
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
