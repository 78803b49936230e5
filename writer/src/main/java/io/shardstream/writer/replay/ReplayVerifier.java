package io.shardstream.writer.replay;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.dynamo.ItemMapper;
import io.shardstream.dynamo.TableKeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Checks a replayed table against the {@link Projection}: (a) the items per entity and the set of
 * keys, by scanning the table's keys only; (b) a sample of items compared attribute by attribute
 * (generated keys included) with a consistent GetItem.
 */
public final class ReplayVerifier {
  /** Differences listed in a report; the count covers all of them. */
  public static final int LISTED = 20;

  private final DynamoDbClient client;
  private final String table;
  private final TableKeys keys;
  private final String shardKeyDelimiter;
  private final String keyDelimiter;
  private final String valueDelimiter;

  public ReplayVerifier(DynamoDbClient client, String table, EntityConfig config) {
    this.client = client;
    this.table = table;
    this.keys = TableKeys.of(config);
    this.shardKeyDelimiter = config.shardKeyDelimiter();
    this.keyDelimiter = config.generatedKeyDelimiter();
    this.valueDelimiter = config.generatedValueDelimiter();
  }

  /**
   * @param expectedCounts items per entity in the projection
   * @param tableCounts items per entity in the table
   * @param sampled items compared attribute by attribute
   * @param differences the first {@link #LISTED} differences, readable
   * @param differenceCount all differences found
   */
  public record Report(
      Map<String, Long> expectedCounts,
      Map<String, Long> tableCounts,
      int sampled,
      List<String> differences,
      long differenceCount) {
    public boolean passed() {
      return differenceCount == 0;
    }
  }

  /**
   * @param sample how many projection items to compare in full (all when there are fewer)
   * @param seed picks the sample, so a run can be repeated
   */
  public Report verify(
      Map<PrimaryKey, Map<String, AttributeValue>> expected, int sample, long seed) {
    Differences differences = new Differences();
    Set<PrimaryKey> tableKeys = scanKeys();
    keyDifferences(expected.keySet(), tableKeys).forEach(differences::add);
    List<PrimaryKey> chosen = sample(expected.keySet(), sample, seed);
    for (PrimaryKey key : chosen) {
      Map<String, AttributeValue> actual =
          client.getItem(b -> b.tableName(table).key(keys.keyOf(key)).consistentRead(true)).item();
      itemDifference(key, expected.get(key), actual).ifPresent(differences::add);
    }
    return new Report(
        countByEntity(expected.keySet()),
        countByEntity(tableKeys),
        chosen.size(),
        differences.listed,
        differences.count);
  }

  /** Keys in the projection but not the table ("missing"), and the reverse ("unexpected"). */
  static List<String> keyDifferences(Set<PrimaryKey> expected, Set<PrimaryKey> actual) {
    List<String> differences = new ArrayList<>();
    ordered(expected).stream()
        .filter(k -> !actual.contains(k))
        .forEach(k -> differences.add("missing from the table: " + describe(k)));
    ordered(actual).stream()
        .filter(k -> !expected.contains(k))
        .forEach(k -> differences.add("unexpected in the table: " + describe(k)));
    return differences;
  }

  /** The attributes that differ between the projection's item and the table's (null: absent). */
  static Optional<String> itemDifference(
      PrimaryKey key, Map<String, AttributeValue> expected, Map<String, AttributeValue> actual) {
    if (actual == null || actual.isEmpty()) {
      return Optional.of("missing from the table: " + describe(key));
    }
    // Compared as plain values, so that equal numbers written differently ("1.50", "1.5") agree.
    Map<String, Object> want = ItemMapper.fromAttributes(expected);
    Map<String, Object> have = ItemMapper.fromAttributes(actual);
    Set<String> names = new TreeSet<>(want.keySet());
    names.addAll(have.keySet());
    List<String> differing = new ArrayList<>();
    for (String name : names) {
      if (!Objects.equals(want.get(name), have.get(name))) {
        differing.add(name + ": expected " + want.get(name) + ", table " + have.get(name));
      }
    }
    return differing.isEmpty()
        ? Optional.empty()
        : Optional.of("item " + describe(key) + " differs: " + String.join("; ", differing));
  }

  /** The entity token of a table hash key ({@code user!3} → {@code user}). */
  static String entityOf(String hashKey, String shardKeyDelimiter) {
    int at = hashKey.indexOf(shardKeyDelimiter);
    return at < 0 ? hashKey : hashKey.substring(0, at);
  }

  /**
   * The entity of a table key. A co-located child shares its parent's hash key, and its range key
   * is the parent's followed by the key delimiter and {@code <token><value delimiter><id>} ({@code
   * id#p-1,address#a-1} → {@code address}); no other range key holds the key delimiter (values
   * never do). Any other item's entity is its hash key's prefix.
   */
  static String entityOf(
      PrimaryKey key, String shardKeyDelimiter, String keyDelimiter, String valueDelimiter) {
    int last = key.rangeKey().lastIndexOf(keyDelimiter);
    if (last < 0) {
      return entityOf(key.hashKey(), shardKeyDelimiter);
    }
    String child = key.rangeKey().substring(last + keyDelimiter.length());
    int end = child.indexOf(valueDelimiter);
    return end < 0 ? child : child.substring(0, end);
  }

  Map<String, Long> countByEntity(Set<PrimaryKey> keys) {
    Map<String, Long> counts = new TreeMap<>();
    keys.forEach(
        k ->
            counts.merge(
                entityOf(k, shardKeyDelimiter, keyDelimiter, valueDelimiter), 1L, Long::sum));
    return counts;
  }

  private Set<PrimaryKey> scanKeys() {
    Set<PrimaryKey> found = new HashSet<>();
    client
        .scanPaginator(
            b ->
                b.tableName(table)
                    .consistentRead(true)
                    .projectionExpression("#h, #r")
                    .expressionAttributeNames(Map.of("#h", keys.hashKey(), "#r", keys.rangeKey())))
        .items()
        .forEach(
            item ->
                found.add(
                    new PrimaryKey(item.get(keys.hashKey()).s(), item.get(keys.rangeKey()).s())));
    return found;
  }

  static List<PrimaryKey> sample(Set<PrimaryKey> keys, int size, long seed) {
    List<PrimaryKey> all = ordered(keys);
    Collections.shuffle(all, new Random(seed));
    return all.subList(0, Math.min(size, all.size()));
  }

  private static List<PrimaryKey> ordered(Set<PrimaryKey> keys) {
    List<PrimaryKey> list = new ArrayList<>(keys);
    list.sort(
        java.util.Comparator.comparing(PrimaryKey::hashKey).thenComparing(PrimaryKey::rangeKey));
    return list;
  }

  private static String describe(PrimaryKey key) {
    return key.hashKey() + " / " + key.rangeKey();
  }

  private static final class Differences {
    final List<String> listed = new ArrayList<>();
    long count;

    void add(String difference) {
      count++;
      if (listed.size() < LISTED) {
        listed.add(difference);
      }
    }
  }
}
