package io.shardstream.bench.query;

import java.time.Duration;

/**
 * What filling the table took: the BatchWriter's own elapsed time (keys computed beforehand).
 *
 * @param requests BatchWriteItem requests, retries included
 */
public record FillResult(
    int items, Duration elapsed, int requests, int retries, int concurrentBatches) {
  public double itemsPerSecond() {
    return items / Math.max(elapsed.toNanos() / 1e9, 1e-9);
  }
}
