package io.shardstream.queryapi;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.ChildRange;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.query.IndexPlan;
import io.shardstream.core.query.KeyCondition;
import io.shardstream.core.query.KeyType;
import io.shardstream.core.query.KeyValue;
import io.shardstream.core.query.PartitionPage;
import io.shardstream.core.query.PartitionQuery;
import io.shardstream.core.query.PartitionReader;
import io.shardstream.core.query.StartKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of one table partition (no index): a parent with its co-located children, or one kind of
 * them, each a single DynamoDB Query (more only past DynamoDB's 1 MB page). The key layout is
 * core's ({@link EntityManager#childRange}, {@link EntityManager#childPrefix}).
 */
final class Partitions {
  /** Items asked for per Query: the answer is one page for any person-sized family. */
  private static final int PAGE = 500;

  private final EntityManager manager;
  private final PartitionReader reader;

  Partitions(EntityManager manager, PartitionReader reader) {
    this.manager = manager;
    this.reader = reader;
  }

  /** Items read and the DynamoDB Queries it took. */
  record Read(List<Map<String, Object>> items, int queries) {}

  /** The parent with this id under this hash key, with every co-located child, or no items. */
  Read family(String hashKey, String parentToken, String parentId) {
    ChildRange range = manager.childRange(parentToken, parentId);
    Read read =
        read(hashKey, new KeyCondition.Between(KeyValue.s(range.from()), KeyValue.s(range.to())));
    String rangeKey = manager.config().rangeKey();
    return new Read(
        read.items().stream().filter(i -> range.contains((String) i.get(rangeKey))).toList(),
        read.queries());
  }

  /** A parent's co-located children of one kind, in its partition. */
  Read children(String hashKey, String childToken, String parentId) {
    return read(
        hashKey,
        new KeyCondition.BeginsWith(KeyValue.s(manager.childPrefix(childToken, parentId))));
  }

  private Read read(String hashKey, KeyCondition condition) {
    EntityConfig config = manager.config();
    PartitionQuery query =
        new PartitionQuery(
            0,
            // No index token: the table itself.
            new IndexPlan(null, 0, config.rangeKey(), KeyType.S, "", condition),
            config.hashKey(),
            hashKey,
            hashKey,
            true,
            List.of());
    List<Map<String, Object>> items = new ArrayList<>();
    Optional<StartKey> start = Optional.empty();
    int queries = 0;
    do {
      PartitionPage page = reader.read(query, start, PAGE);
      queries++;
      items.addAll(page.items());
      start = page.lastEvaluatedKey();
    } while (start.isPresent());
    return new Read(items, queries);
  }
}
