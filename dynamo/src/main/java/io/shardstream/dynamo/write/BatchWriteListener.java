package io.shardstream.dynamo.write;

import java.time.Duration;

/**
 * Hooks for metrics (the writer binds them to Micrometer). Called from the threads writing the
 * batches, several at once: implementations must be thread-safe and quick.
 */
public interface BatchWriteListener {
  BatchWriteListener NONE = new BatchWriteListener() {};

  /** A BatchWriteItem request answered; {@code unprocessed} of its {@code items} come back. */
  default void requestCompleted(int items, int unprocessed, Duration latency) {}

  /** A BatchWriteItem request failed as a whole. */
  default void requestFailed(int items, FailureKind kind, Duration latency) {}

  /**
   * {@code items} will be sent again after {@code delay}; {@code attempt} counts failures in a row.
   */
  default void retryScheduled(int items, FailureKind cause, int attempt, Duration delay) {}

  /** A write that will never succeed as it is. */
  default void writeRejected(RejectedWrite rejected) {}

  /** A batch is settled: every write in it written, rejected or given up. */
  default void batchCompleted(int writes, int requests, Duration latency) {}
}
