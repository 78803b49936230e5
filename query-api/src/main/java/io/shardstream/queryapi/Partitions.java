package io.shardstream.queryapi;

import io.shardstream.core.config.EntityConfig;
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
 * them, each a single DynamoDB Query (more only past DynamoDB's 1 MB page).
 *
 * <p>The key layout (issue 11's contract): a co-located child's hash key is its parent's, its range
 * key the parent's range key, the key delimiter, the child's token, the value delimiter and its id
 * ({@code id#p-1,address#a-1}). So the parent with all its children is the range from the parent's
 * range key to that plus the key delimiter and U+10FFFF, keeping only the parent itself and the
 * keys that start with the parent's range key and the delimiter (which drops {@code id#p-10} when
 * reading {@code id#p-1}).
 */
final class Partitions {
  /** Items asked for per Query: the answer is one page for any person-sized family. */
  private static final int PAGE = 500;

  private static final String AFTER_EVERYTHING = Character.toString(Character.MAX_CODE_POINT);

  private final EntityConfig config;
  private final PartitionReader reader;

  Partitions(EntityConfig config, PartitionReader reader) {
    this.config = config;
    this.reader = reader;
  }

  /** Items read and the DynamoDB Queries it took. */
  record Read(List<Map<String, Object>> items, int queries) {}

  /** The parent stored under these keys with every co-located child, or no items. */
  Read family(String hashKey, String parentRange) {
    String children = parentRange + config.generatedKeyDelimiter();
    Read read =
        read(
            hashKey,
            new KeyCondition.Between(
                KeyValue.s(parentRange), KeyValue.s(children + AFTER_EVERYTHING)));
    return new Read(
        read.items().stream()
            .filter(
                i -> {
                  String range = (String) i.get(config.rangeKey());
                  return range.equals(parentRange) || range.startsWith(children);
                })
            .toList(),
        read.queries());
  }

  /** The co-located children of one kind of the parent stored under these keys. */
  Read children(String hashKey, String parentRange, String childToken) {
    return read(
        hashKey, new KeyCondition.BeginsWith(KeyValue.s(childPrefix(parentRange, childToken))));
  }

  /** The child token of an item of a parent's partition, or empty for the parent itself. */
  Optional<String> childToken(String parentRange, Map<String, Object> item) {
    String range = (String) item.get(config.rangeKey());
    String children = parentRange + config.generatedKeyDelimiter();
    if (!range.startsWith(children)) {
      return Optional.empty();
    }
    String rest = range.substring(children.length());
    int end = rest.indexOf(config.generatedValueDelimiter());
    return Optional.of(end < 0 ? rest : rest.substring(0, end));
  }

  private String childPrefix(String parentRange, String childToken) {
    return parentRange
        + config.generatedKeyDelimiter()
        + childToken
        + config.generatedValueDelimiter();
  }

  private Read read(String hashKey, KeyCondition condition) {
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
