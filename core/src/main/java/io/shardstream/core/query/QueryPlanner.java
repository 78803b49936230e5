package io.shardstream.core.query;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.config.GeneratedProperty;
import io.shardstream.core.config.IndexDefinition;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.keys.KeyException;
import io.shardstream.core.query.ConditionEncoder.RangeKeyKind;
import io.shardstream.core.query.RangeCondition.Operator;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a {@link SearchRequest} into a {@link QueryPlan}: validates it against the configuration,
 * encodes its conditions, and lists one DynamoDB Query per (index, hash key) of the hash-key space
 * the time window selects. Pure and deterministic: the same request under the same configuration
 * always gives the same plan and fingerprint.
 */
public final class QueryPlanner {
  private static final Set<String> NUMBER_TRANSCODES =
      Set.of("timestamp", "int", "bigint", "bigint20", "fix6", "number");
  private static final String FINGERPRINT_FORMAT = "shardstream-search/1";

  private QueryPlanner() {}

  /**
   * @throws QueryException naming what is wrong with the request
   */
  public static QueryPlan plan(EntityManager manager, SearchRequest request) {
    EntityConfig config = manager.config();
    EntityDefinition entity =
        config
            .entity(request.entity())
            .orElseThrow(
                () ->
                    new QueryException(
                        "unknown entity '"
                            + request.entity()
                            + "' (known: "
                            + String.join(", ", new TreeSet<>(config.entities().keySet()))
                            + ")"));
    List<IndexDefinition> definitions = indexes(config, request);
    String hashKeyToken = sharedHashKey(definitions);
    checkHashKeyValues(config, hashKeyToken, request.hashKeyValues());
    checkConditionsName(request);

    ConditionEncoder encoder = new ConditionEncoder(manager, entity.token());
    List<IndexPlan> indexes = new ArrayList<>();
    for (IndexDefinition definition : definitions) {
      indexes.add(indexPlan(config, entity, encoder, definition, indexes.size(), request));
    }
    checkOneKeyType(indexes);

    List<Filter> filters = new ArrayList<>(request.filters());
    TimeWindow window = request.window();
    if (!window.isAll()) {
      filters.add(
          new Filter.Range(
              entity.timestampProperty(),
              window.hasFrom() ? window.from() : null,
              window.hasTo() ? window.to() : null));
    }
    List<String> hashKeys = hashKeySpace(manager, entity, hashKeyToken, request);
    boolean forward = request.order() == SortOrder.ASC;
    List<PartitionQuery> partitions = new ArrayList<>();
    for (IndexPlan index : indexes) {
      for (String hashKey : hashKeys) {
        partitions.add(
            new PartitionQuery(
                partitions.size(),
                index,
                hashKeyToken,
                hashKey,
                tableHashKey(config, hashKeyToken, hashKey),
                forward,
                filters));
      }
    }
    String text = fingerprintText(config, entity, hashKeyToken, indexes, request);
    return new QueryPlan(
        entity.token(),
        config.version(),
        hashKeyToken,
        indexes,
        partitions,
        filters,
        window,
        request.order(),
        config.hashKey(),
        config.rangeKey(),
        entity.uniqueProperty() + config.generatedValueDelimiter(),
        text,
        HexFormat.of().formatHex(Values.sha256(text)));
  }

  /** The request's indexes, known and distinct, in token order (their dedupe order). */
  private static List<IndexDefinition> indexes(EntityConfig config, SearchRequest request) {
    if (request.indexes().isEmpty()) {
      throw new QueryException("a search needs at least one index");
    }
    TreeMap<String, IndexDefinition> byToken = new TreeMap<>();
    for (String token : request.indexes()) {
      IndexDefinition index =
          config
              .index(token)
              .orElseThrow(
                  () ->
                      new QueryException(
                          "unknown index '"
                              + token
                              + "' (known: "
                              + String.join(", ", new TreeSet<>(config.indexes().keySet()))
                              + ")"));
      if (byToken.put(token, index) != null) {
        throw new QueryException("index '" + token + "' is named twice");
      }
    }
    return List.copyOf(byToken.values());
  }

  private static String sharedHashKey(List<IndexDefinition> indexes) {
    IndexDefinition first = indexes.get(0);
    for (IndexDefinition other : indexes) {
      if (!other.hashKey().equals(first.hashKey())) {
        throw new QueryException(
            "indexes '"
                + first.token()
                + "' (hash key "
                + first.hashKey()
                + ") and '"
                + other.token()
                + "' (hash key "
                + other.hashKey()
                + ") do not share a "
                + "hash key, so their partitions cannot be merged into one search");
      }
    }
    return first.hashKey();
  }

  private static void checkHashKeyValues(
      EntityConfig config, String token, Map<String, Object> values) {
    Set<String> needed =
        token.equals(config.hashKey())
            ? Set.of()
            : new TreeSet<>(
                config.generatedProperty(token).map(GeneratedProperty::elements).orElseThrow());
    for (String name : values.keySet()) {
      if (!needed.contains(name)) {
        throw new QueryException(
            "'"
                + name
                + "' is not part of hash key '"
                + token
                + "'"
                + (needed.isEmpty() ? " (it needs no values)" : " (it needs " + needed + ")"));
      }
    }
    for (String name : needed) {
      if (values.get(name) == null) {
        throw new QueryException("hash key '" + token + "' needs a value for '" + name + "'");
      }
    }
  }

  private static void checkConditionsName(SearchRequest request) {
    for (String token : request.conditions().keySet()) {
      if (!request.indexes().contains(token)) {
        throw new QueryException(
            "a condition names index '" + token + "', which the search does not use");
      }
    }
  }

  private static IndexPlan indexPlan(
      EntityConfig config,
      EntityDefinition entity,
      ConditionEncoder encoder,
      IndexDefinition definition,
      int order,
      SearchRequest request) {
    String attribute = definition.rangeKey();
    RangeKeyKind kind = kindOf(config, definition);
    KeyType type = kind == RangeKeyKind.NUMBER_PROPERTY ? KeyType.N : KeyType.S;
    String mergePrefix =
        kind == RangeKeyKind.GENERATED
            ? config.generatedProperty(attribute).orElseThrow().elements().get(0)
                + config.generatedValueDelimiter()
            : "";
    RangeCondition condition = request.conditions().get(definition.token());
    if (condition == null && attribute.equals(entity.timestampProperty())) {
      condition = windowCondition(request.window());
    }
    KeyCondition encoded =
        condition == null
            ? new KeyCondition.All()
            : encoder.encode(definition.token(), kind, attribute, condition);
    return new IndexPlan(definition.token(), order, attribute, type, mergePrefix, encoded);
  }

  /** An index ranged on the timestamp reads only the window, not the whole partition. */
  private static RangeCondition windowCondition(TimeWindow window) {
    if (window.hasFrom() && window.hasTo()) {
      return new RangeCondition.Between(window.from(), window.to());
    }
    if (window.hasFrom()) {
      return new RangeCondition.Comparison(Operator.GE, window.from());
    }
    return window.hasTo() ? new RangeCondition.Comparison(Operator.LE, window.to()) : null;
  }

  private static RangeKeyKind kindOf(EntityConfig config, IndexDefinition index) {
    String attribute = index.rangeKey();
    if (attribute.equals(config.rangeKey())) {
      return RangeKeyKind.TABLE_RANGE_KEY;
    }
    if (config.generatedProperty(attribute).isPresent()) {
      return RangeKeyKind.GENERATED;
    }
    String transcode = config.propertyTranscodes().get(attribute);
    if ("string".equals(transcode)) {
      return RangeKeyKind.STRING_PROPERTY;
    }
    if (NUMBER_TRANSCODES.contains(transcode)) {
      return RangeKeyKind.NUMBER_PROPERTY;
    }
    throw new QueryException(
        "index '"
            + index.token()
            + "': range key '"
            + attribute
            + "' uses transcode "
            + transcode
            + ", which is neither a DynamoDB S nor N key");
  }

  private static void checkOneKeyType(List<IndexPlan> indexes) {
    IndexPlan first = indexes.get(0);
    for (IndexPlan other : indexes) {
      if (other.rangeKeyType() != first.rangeKeyType()) {
        throw new QueryException(
            "indexes '"
                + first.token()
                + "' ("
                + describe(first)
                + ") and '"
                + other.token()
                + "' ("
                + describe(other)
                + ") sort differently and cannot be merged");
      }
    }
  }

  private static String describe(IndexPlan index) {
    return index.rangeKeyAttribute()
        + ", "
        + (index.rangeKeyType() == KeyType.N ? "a number" : "a string");
  }

  private static List<String> hashKeySpace(
      EntityManager manager, EntityDefinition entity, String token, SearchRequest request) {
    try {
      // Consecutive bumps with the same shard count give the same hash keys: read each once.
      return List.copyOf(
          new LinkedHashSet<>(
              manager.hashKeySpace(
                  entity.token(),
                  token,
                  request.hashKeyValues(),
                  request.window().from(),
                  request.window().to())));
    } catch (KeyException e) {
      throw new QueryException("hash key '" + token + "': " + e.getMessage(), e);
    }
  }

  private static String tableHashKey(EntityConfig config, String token, String hashKey) {
    if (token.equals(config.hashKey())) {
      return hashKey;
    }
    return hashKey.substring(0, hashKey.indexOf(config.generatedKeyDelimiter()));
  }

  private static String fingerprintText(
      EntityConfig config,
      EntityDefinition entity,
      String hashKeyToken,
      List<IndexPlan> indexes,
      SearchRequest request) {
    StringBuilder text =
        new StringBuilder(FINGERPRINT_FORMAT)
            .append('\n')
            .append("config=")
            .append(config.version())
            .append('\n')
            .append("entity=")
            .append(Values.quote(entity.token()))
            .append('\n')
            .append("hashKey=")
            .append(Values.quote(hashKeyToken))
            .append('\n');
    new TreeMap<>(request.hashKeyValues())
        .forEach(
            (name, value) ->
                text.append("hashKeyValue ")
                    .append(Values.quote(name))
                    .append('=')
                    .append(Values.canonicalValue(value))
                    .append('\n'));
    for (IndexPlan index : indexes) {
      text.append("index ")
          .append(Values.quote(index.token()))
          .append(' ')
          .append(Values.quote(index.rangeKeyAttribute()))
          .append(':')
          .append(index.rangeKeyType())
          .append(' ')
          .append(index.condition().canonical())
          .append('\n');
    }
    request.filters().stream()
        .map(Filter::canonical)
        .sorted()
        .forEach(f -> text.append("filter ").append(f).append('\n'));
    text.append("window=")
        .append(request.window().canonical())
        .append('\n')
        .append("order=")
        .append(request.order())
        .append('\n');
    return text.toString();
  }
}
