package io.shardstream.core.query;

import java.util.Map;

/**
 * Decides, from an item's own attributes, whether another index of the search emits it: an item
 * found through several indexes (a name search over firstName and lastName) belongs to the index
 * under which its merge key is smallest, index order breaking ties. Needing no memory of what was
 * emitted, the rule holds across pages and cursors.
 */
final class MultiIndexDedupe {
  private final QueryPlan plan;

  MultiIndexDedupe(QueryPlan plan) {
    this.plan = plan;
  }

  /** Whether {@code item}, read from {@code partition} at {@code key}, is another index's. */
  boolean belongsElsewhere(Map<String, ?> item, PartitionQuery partition, MergeKey key) {
    if (plan.indexes().size() == 1) {
      return false;
    }
    String unique = (String) item.get(plan.tableRangeKey());
    for (IndexPlan other : plan.indexes()) {
      if (other.order() == partition.index().order()) {
        continue;
      }
      // The item is in the other index's partition of the same hash key when it has the range
      // key attribute (GSIs are sparse) and the other index's condition selects it; the filters
      // are the item's own and hold for every index alike.
      KeyValue range =
          KeyValue.ofAttribute(other.rangeKeyType(), item.get(other.rangeKeyAttribute()));
      if (range != null
          && other.condition().matches(range)
          && MergeKey.of(other, range, unique).compareTo(key) < 0) {
        return true;
      }
    }
    return false;
  }
}
