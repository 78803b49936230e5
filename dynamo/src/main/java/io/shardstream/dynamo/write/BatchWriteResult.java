package io.shardstream.dynamo.write;

import java.time.Duration;
import java.util.List;

/**
 * What one {@link BatchWriter#write} call did. Every operation given is counted once: written,
 * superseded or rejected.
 *
 * @param written operations whose write DynamoDB confirmed
 * @param superseded operations not sent because a later operation for the same key fell into the
 *     same batch (its write replaces theirs)
 * @param rejected operations that will never succeed as they are, by index
 * @param requests BatchWriteItem requests sent, retries included
 * @param retries requests that were repeats of earlier ones (after unprocessed items, throttling or
 *     errors)
 */
public record BatchWriteResult(
    int operations,
    int written,
    int superseded,
    List<RejectedWrite> rejected,
    int batches,
    int requests,
    int retries,
    Duration elapsed) {

  public BatchWriteResult {
    rejected = List.copyOf(rejected);
  }

  public boolean allWritten() {
    return rejected.isEmpty();
  }

  /** Operations handled per second (written plus superseded), for logs. */
  public double operationsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds == 0 ? 0 : (written + superseded) / seconds;
  }
}
