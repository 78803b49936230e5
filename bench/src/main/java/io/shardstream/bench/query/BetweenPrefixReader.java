package io.shardstream.bench.query;

import io.shardstream.core.query.IndexPlan;
import io.shardstream.core.query.KeyCondition;
import io.shardstream.core.query.KeyValue;
import io.shardstream.core.query.PartitionPage;
import io.shardstream.core.query.PartitionQuery;
import io.shardstream.core.query.PartitionReader;
import io.shardstream.core.query.StartKey;
import java.util.Optional;

/**
 * An experiment, off unless asked for ({@code --experiment-between-prefix}): sends a range-key
 * {@code begins_with(rk, p)} as {@code rk BETWEEN p AND p + U+10FFFF}. DynamoDB Local answers
 * begins_with by walking the whole partition (its cost grows with the partition; BETWEEN's does
 * not), where DynamoDB seeks the sort-key index either way; the rewrite takes that emulator cost
 * out of the fan-out side, whose name search is a prefix. Same items, unless a key continues the
 * prefix with U+10FFFF itself followed by more characters.
 */
final class BetweenPrefixReader implements PartitionReader {
  private static final String AFTER_PREFIX =
      new String(Character.toChars(Character.MAX_CODE_POINT));

  private final PartitionReader delegate;

  BetweenPrefixReader(PartitionReader delegate) {
    this.delegate = delegate;
  }

  @Override
  public PartitionPage read(PartitionQuery query, Optional<StartKey> start, int limit) {
    return delegate.read(rewrite(query), start, limit);
  }

  static PartitionQuery rewrite(PartitionQuery query) {
    if (!(query.condition() instanceof KeyCondition.BeginsWith prefix)) {
      return query;
    }
    IndexPlan index = query.index();
    KeyCondition between =
        new KeyCondition.Between(
            prefix.prefix(), KeyValue.s(prefix.prefix().text() + AFTER_PREFIX));
    return new PartitionQuery(
        query.position(),
        new IndexPlan(
            index.token(),
            index.order(),
            index.rangeKeyAttribute(),
            index.rangeKeyType(),
            index.mergePrefix(),
            between),
        query.hashKeyAttribute(),
        query.hashKeyValue(),
        query.tableHashKeyValue(),
        query.scanForward(),
        query.filters());
  }
}
