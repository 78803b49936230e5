package io.shardstream.core.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A planned search: the deterministic list of partition queries and everything that identifies the
 * search. Build it with {@link QueryPlanner#plan}.
 *
 * @param indexes the search's indexes, ordered by token ({@link IndexPlan#order})
 * @param partitions every partition query, index by index, each index's hash keys in the order of
 *     the hash-key space (oldest bump first); a cursor names partitions by position in this list
 * @param filters the request's filters plus the time window's filter on the timestamp property
 * @param uniquePrefix what every table range key of the entity starts with ({@code userId#})
 * @param fingerprintText the canonical text of everything that defines the search (entity, hash key
 *     values, indexes, encoded conditions, filters, window, order, config version), not the limit
 *     or the cursor
 * @param fingerprint the hex SHA-256 of {@code fingerprintText}
 */
public record QueryPlan(
    String entity,
    String configVersion,
    String hashKeyToken,
    List<IndexPlan> indexes,
    List<PartitionQuery> partitions,
    List<Filter> filters,
    TimeWindow window,
    SortOrder order,
    String tableHashKey,
    String tableRangeKey,
    String uniquePrefix,
    String fingerprintText,
    String fingerprint) {

  public QueryPlan {
    indexes = List.copyOf(indexes);
    partitions = List.copyOf(partitions);
    filters = List.copyOf(filters);
  }

  /**
   * The ExclusiveStartKey that resumes {@code partition} just after {@code position}: table hash
   * key, table range key, index hash key, index range key (three entries when the index hash key is
   * the table's).
   */
  public StartKey startKey(PartitionQuery partition, Position position) {
    Map<String, KeyValue> key = new LinkedHashMap<>();
    key.put(tableHashKey, KeyValue.s(partition.tableHashKeyValue()));
    key.put(tableRangeKey, KeyValue.s(position.tableRangeKey()));
    key.put(partition.hashKeyAttribute(), KeyValue.s(partition.hashKeyValue()));
    key.put(partition.rangeKeyAttribute(), position.rangeKey());
    return new StartKey(key);
  }

  /** The position of a stored item read from {@code partition}. */
  public Position positionOf(PartitionQuery partition, Map<String, ?> item) {
    KeyValue range =
        KeyValue.ofAttribute(partition.rangeKeyType(), item.get(partition.rangeKeyAttribute()));
    if (range == null || !(item.get(tableRangeKey) instanceof String unique)) {
      throw new IllegalArgumentException(
          "item lacks the keys of index '"
              + partition.indexToken()
              + "': "
              + partition.rangeKeyAttribute()
              + ", "
              + tableRangeKey);
    }
    return new Position(range, unique);
  }

  /** The position a start key stands for, when it carries the keys a position needs. */
  public Optional<Position> positionOf(PartitionQuery partition, StartKey key) {
    KeyValue range = key.get(partition.rangeKeyAttribute());
    KeyValue unique = key.get(tableRangeKey);
    if (range == null || unique == null || range.type() != partition.rangeKeyType()) {
      return Optional.empty();
    }
    return Optional.of(new Position(range, unique.text()));
  }

  public MergeKey mergeKey(PartitionQuery partition, Position position) {
    return MergeKey.of(partition.index(), position.rangeKey(), position.tableRangeKey());
  }
}
