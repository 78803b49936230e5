package io.shardstream.core.query;

import java.util.Objects;

/**
 * Where a partition's stream stands: the index range key value (stored text: S as is, N canonical)
 * and the table range key ({@code userId#u-1}) of the last item it consumed. With the plan's
 * partition this rebuilds DynamoDB's ExclusiveStartKey.
 */
public record Position(KeyValue rangeKey, String tableRangeKey) {
  public Position {
    Objects.requireNonNull(rangeKey, "rangeKey");
    Objects.requireNonNull(tableRangeKey, "tableRangeKey");
  }
}
