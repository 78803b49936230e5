package io.shardstream.core.query;

import io.shardstream.core.config.EntityConfig;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake DynamoDB for {@link PartitionReader}: the items of a table (with all their keys), read the
 * way a GSI Query reads them. A partition's items sort by range key (S by UTF-8 bytes, N
 * numerically); items whose range keys tie come in an order of their own, as on DynamoDB, and
 * deliberately not by table range key: by a hash of it (stable, DESC the exact reverse of ASC).
 * Limit counts evaluated items; LastEvaluatedKey is sent whenever the page is full, even when
 * nothing follows (as DynamoDB does). An ExclusiveStartKey need not be an item's, but it must be of
 * the partition and its range key must meet the condition, or the read fails as DynamoDB's does.
 * With {@code pushDownFilters} the filters apply after Limit, as a FilterExpression does, so pages
 * can come back short or empty while more follows.
 */
public final class InMemoryPartitionReader implements PartitionReader {
  private final String tableHashKey;
  private final String tableRangeKey;
  private final List<Map<String, Object>> items;
  private final boolean pushDownFilters;
  private final Map<String, List<Map<String, Object>>> sortedPartitions = new ConcurrentHashMap<>();
  private final Map<String, Long> tieHashes = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  public InMemoryPartitionReader(
      EntityConfig config, Collection<? extends Map<String, ?>> items, boolean pushDownFilters) {
    this.tableHashKey = config.hashKey();
    this.tableRangeKey = config.rangeKey();
    this.items = items.stream().map(i -> Map.<String, Object>copyOf(i)).toList();
    this.pushDownFilters = pushDownFilters;
  }

  public InMemoryPartitionReader(EntityConfig config, Collection<? extends Map<String, ?>> items) {
    this(config, items, false);
  }

  /** Read requests served so far. */
  public int requests() {
    return requests.get();
  }

  @Override
  public PartitionPage read(PartitionQuery query, Optional<StartKey> start, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("Limit must be at least 1");
    }
    requests.incrementAndGet();
    List<Map<String, Object>> partition = partition(query);
    Comparator<Map<String, Object>> order = order(query);
    int from = 0;
    if (start.isPresent()) {
      checkStartKey(query, start.get());
      Map<String, Object> startItem = asItem(start.get());
      // The first item after the start key (the partition is sorted in scan order).
      int high = partition.size();
      while (from < high) {
        int middle = (from + high) >>> 1;
        if (order.compare(partition.get(middle), startItem) <= 0) {
          from = middle + 1;
        } else {
          high = middle;
        }
      }
    }
    List<Map<String, Object>> evaluated = new ArrayList<>();
    for (int i = from; i < partition.size() && evaluated.size() < limit; i++) {
      Map<String, Object> item = partition.get(i);
      KeyValue range =
          KeyValue.ofAttribute(query.rangeKeyType(), item.get(query.rangeKeyAttribute()));
      if (query.condition().matches(range)) {
        evaluated.add(item);
      }
    }
    List<Map<String, Object>> returned =
        pushDownFilters
            ? evaluated.stream()
                .filter(i -> query.filters().stream().allMatch(f -> f.matches(i)))
                .toList()
            : evaluated;
    Optional<StartKey> next =
        evaluated.size() == limit
            ? Optional.of(keyOf(query, evaluated.get(evaluated.size() - 1)))
            : Optional.empty();
    return new PartitionPage(returned, next, evaluated.size());
  }

  /** The partition's items in scan order (a GSI holds only items that have both its keys). */
  private List<Map<String, Object>> partition(PartitionQuery query) {
    String cacheKey =
        query.indexToken() + "\u0000" + query.hashKeyValue() + "\u0000" + query.scanForward();
    return sortedPartitions.computeIfAbsent(
        cacheKey,
        k ->
            items.stream()
                .filter(i -> query.hashKeyValue().equals(i.get(query.hashKeyAttribute())))
                .filter(
                    i ->
                        KeyValue.ofAttribute(query.rangeKeyType(), i.get(query.rangeKeyAttribute()))
                            != null)
                .sorted(order(query))
                .toList());
  }

  private Comparator<Map<String, Object>> order(PartitionQuery query) {
    Comparator<Map<String, Object>> ascending =
        (a, b) -> {
          int c =
              compare(
                  query.rangeKeyType(),
                  a.get(query.rangeKeyAttribute()),
                  b.get(query.rangeKeyAttribute()));
          return c != 0
              ? c
              : compareTies((String) a.get(tableRangeKey), (String) b.get(tableRangeKey));
        };
    return query.scanForward() ? ascending : ascending.reversed();
  }

  private static int compare(KeyType type, Object a, Object b) {
    if (type == KeyType.N) {
      return Values.decimal(a).compareTo(Values.decimal(b));
    }
    return compareBytes((String) a, (String) b);
  }

  /** The order of items whose range keys tie: by a hash of their table range keys. */
  private int compareTies(String a, String b) {
    int c = Long.compare(tieHash(a), tieHash(b));
    return c != 0 ? c : compareBytes(a, b);
  }

  private long tieHash(String tableRangeKey) {
    return tieHashes.computeIfAbsent(
        tableRangeKey, k -> ByteBuffer.wrap(Values.sha256(k)).getLong());
  }

  /** What DynamoDB checks of an ExclusiveStartKey. */
  private void checkStartKey(PartitionQuery query, StartKey start) {
    KeyValue hashKey = start.get(query.hashKeyAttribute());
    KeyValue range = start.get(query.rangeKeyAttribute());
    if (hashKey == null
        || !hashKey.equals(KeyValue.s(query.hashKeyValue()))
        || start.get(tableHashKey) == null
        || start.get(tableRangeKey) == null
        || range == null
        || range.type() != query.rangeKeyType()) {
      throw new IllegalArgumentException("The provided starting key is invalid: " + start);
    }
    if (!query.condition().matches(range)) {
      throw new IllegalArgumentException(
          "The provided starting key is outside query boundaries based on provided conditions: "
              + start);
    }
  }

  /** DynamoDB's S order, computed from the bytes (independent of {@link Values#compareUtf8}). */
  private static int compareBytes(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private Map<String, Object> asItem(StartKey key) {
    Map<String, Object> item = new LinkedHashMap<>();
    key.attributes()
        .forEach(
            (name, value) ->
                item.put(
                    name, value.type() == KeyType.N ? new BigDecimal(value.text()) : value.text()));
    return item;
  }

  private StartKey keyOf(PartitionQuery query, Map<String, Object> item) {
    Map<String, KeyValue> key = new LinkedHashMap<>();
    key.put(tableHashKey, KeyValue.s((String) item.get(tableHashKey)));
    key.put(tableRangeKey, KeyValue.s((String) item.get(tableRangeKey)));
    key.put(query.hashKeyAttribute(), KeyValue.s((String) item.get(query.hashKeyAttribute())));
    key.put(
        query.rangeKeyAttribute(),
        KeyValue.ofAttribute(query.rangeKeyType(), item.get(query.rangeKeyAttribute())));
    return new StartKey(key);
  }
}
