package io.shardstream.dynamo.table;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.IndexDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Entity configuration → table definition. */
final class ConfigTableMapper {
  /**
   * The attribute type of a transcoded property: the property itself is stored (not its encoded key
   * form), so numbers are N and sort numerically in the index.
   */
  private static final Map<String, ScalarAttributeType> TRANSCODE_TYPES =
      Map.of(
          "string", ScalarAttributeType.S,
          "timestamp", ScalarAttributeType.N,
          "int", ScalarAttributeType.N,
          "bigint", ScalarAttributeType.N,
          "bigint20", ScalarAttributeType.N,
          "fix6", ScalarAttributeType.N,
          "number", ScalarAttributeType.N);

  private ConfigTableMapper() {}

  static TableDefinition map(String tableName, EntityConfig config) {
    List<String> problems = new ArrayList<>();
    List<GlobalIndex> indexes = new ArrayList<>();
    config.indexes().values().stream()
        .sorted(Comparator.comparing(IndexDefinition::token))
        .forEach(
            index -> {
              KeyAttribute hashKey = hashKey(config, index, problems);
              KeyAttribute rangeKey = rangeKey(config, index, problems);
              if (hashKey != null && rangeKey != null) {
                indexes.add(new GlobalIndex(index.token(), hashKey, rangeKey, projection(index)));
              }
            });
    if (!problems.isEmpty()) {
      throw new InvalidTableDefinitionException(tableName, problems);
    }
    return new TableDefinition(
        tableName,
        KeyAttribute.string(config.hashKey()),
        KeyAttribute.string(config.rangeKey()),
        indexes);
  }

  private static KeyAttribute hashKey(
      EntityConfig config, IndexDefinition index, List<String> problems) {
    String name = index.hashKey();
    boolean sharded = config.generatedProperty(name).map(p -> p.sharded()).orElse(false);
    if (!name.equals(config.hashKey()) && !sharded) {
      problems.add(
          "index '"
              + index.token()
              + "': hash key '"
              + name
              + "' is neither the table"
              + " hashKey nor a sharded generated property");
      return null;
    }
    return KeyAttribute.string(name);
  }

  private static KeyAttribute rangeKey(
      EntityConfig config, IndexDefinition index, List<String> problems) {
    String name = index.rangeKey();
    if (name.equals(config.rangeKey()) || config.generatedProperty(name).isPresent()) {
      return KeyAttribute.string(name);
    }
    String transcode = config.propertyTranscodes().get(name);
    if (transcode == null) {
      problems.add(
          "index '"
              + index.token()
              + "': range key '"
              + name
              + "' is neither the table"
              + " rangeKey, a generated property nor a transcoded property, so its type is unknown");
      return null;
    }
    if (transcode.equals("boolean")) {
      problems.add(
          "index '"
              + index.token()
              + "': range key '"
              + name
              + "' uses the boolean"
              + " transcode, but DynamoDB key attributes can only be strings, numbers or binary;"
              + " index a generated property with '"
              + name
              + "' as an element instead");
      return null;
    }
    ScalarAttributeType type = TRANSCODE_TYPES.get(transcode);
    if (type == null) {
      problems.add(
          "index '"
              + index.token()
              + "': range key '"
              + name
              + "' uses transcode '"
              + transcode
              + "', which has no DynamoDB key type (known: "
              + String.join(", ", TRANSCODE_TYPES.keySet().stream().sorted().toList())
              + ")");
      return null;
    }
    return new KeyAttribute(name, type);
  }

  private static IndexProjection projection(IndexDefinition index) {
    return index.projectsAll() ? IndexProjection.ALL : IndexProjection.include(index.projections());
  }
}
