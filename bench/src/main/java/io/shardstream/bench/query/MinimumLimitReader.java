package io.shardstream.bench.query;

import io.shardstream.core.query.PartitionPage;
import io.shardstream.core.query.PartitionQuery;
import io.shardstream.core.query.PartitionReader;
import io.shardstream.core.query.StartKey;
import java.util.Optional;

/**
 * An experiment, off unless asked for ({@code --experiment-min-read}): raises every Query's Limit
 * to at least {@code minimum}, which is what a larger first fetch per partition in {@code
 * KWayMerger} would do. The merger buffers whatever a read returns and resumes from its
 * LastEvaluatedKey, so pages stay exact; it only changes how much each read asks for.
 */
final class MinimumLimitReader implements PartitionReader {
  private final PartitionReader delegate;
  private final int minimum;

  MinimumLimitReader(PartitionReader delegate, int minimum) {
    if (minimum < 1) {
      throw new IllegalArgumentException("minimum must be at least 1, got " + minimum);
    }
    this.delegate = delegate;
    this.minimum = minimum;
  }

  @Override
  public PartitionPage read(PartitionQuery query, Optional<StartKey> start, int limit) {
    return delegate.read(query, start, Math.max(limit, minimum));
  }
}
