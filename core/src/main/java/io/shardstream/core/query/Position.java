package io.shardstream.core.query;

import java.util.Objects;

/**
 * An item's place in a partition: the index range key value (stored text: S as is, N canonical) and
 * a table range key ({@code userId#u-1}). With the plan's partition this rebuilds DynamoDB's
 * ExclusiveStartKey; what the table range key means depends on the {@link PartitionState} that
 * holds the position.
 */
public record Position(KeyValue rangeKey, String tableRangeKey) {
  public Position {
    Objects.requireNonNull(rangeKey, "rangeKey");
    Objects.requireNonNull(tableRangeKey, "tableRangeKey");
  }
}
