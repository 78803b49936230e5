package io.shardstream.core.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a partition: items in the partition's scan order, as stored.
 *
 * @param lastEvaluatedKey where the next page starts; empty when the partition has no more
 *     (DynamoDB may still send one when the page ended exactly at the last item)
 * @param scannedCount items DynamoDB evaluated (before any pushed-down filter)
 * @param readUnits the read capacity units the read consumed (DynamoDB's ConsumedCapacity); 0 where
 *     unknown
 */
public record PartitionPage(
    List<Map<String, Object>> items,
    Optional<StartKey> lastEvaluatedKey,
    int scannedCount,
    double readUnits) {
  public PartitionPage {
    items = List.copyOf(items);
  }

  /** A page whose read capacity is not known (0). */
  public PartitionPage(
      List<Map<String, Object>> items, Optional<StartKey> lastEvaluatedKey, int scannedCount) {
    this(items, lastEvaluatedKey, scannedCount, 0);
  }
}
