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
 */
public record PartitionPage(
    List<Map<String, Object>> items, Optional<StartKey> lastEvaluatedKey, int scannedCount) {
  public PartitionPage {
    items = List.copyOf(items);
  }
}
