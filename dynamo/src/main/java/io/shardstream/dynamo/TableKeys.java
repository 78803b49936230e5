package io.shardstream.dynamo;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.PrimaryKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The names of the table's key attributes (both strings, as the entity configuration defines them),
 * and the key of an item under them.
 */
public record TableKeys(String hashKey, String rangeKey) {
  public TableKeys {
    Objects.requireNonNull(hashKey, "hashKey");
    Objects.requireNonNull(rangeKey, "rangeKey");
  }

  public static TableKeys of(EntityConfig config) {
    return new TableKeys(config.hashKey(), config.rangeKey());
  }

  /** The DynamoDB key of a primary key the engine computed. */
  public Map<String, AttributeValue> keyOf(PrimaryKey key) {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    attributes.put(hashKey, AttributeValue.fromS(key.hashKey()));
    attributes.put(rangeKey, AttributeValue.fromS(key.rangeKey()));
    return attributes;
  }

  /**
   * The key attributes of an item or key map.
   *
   * @throws IllegalArgumentException naming the attribute when one is missing or empty, which
   *     DynamoDB would refuse for the whole batch
   */
  public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    key.put(hashKey, keyAttribute(item, hashKey));
    key.put(rangeKey, keyAttribute(item, rangeKey));
    return key;
  }

  private static AttributeValue keyAttribute(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no key attribute '" + name + "'");
    }
    if (value.s() == null && value.n() == null && value.b() == null) {
      throw new IllegalArgumentException(
          "key attribute '" + name + "' must be a string, number" + " or binary, got " + value);
    }
    if (value.s() != null && value.s().isEmpty()) {
      throw new IllegalArgumentException("key attribute '" + name + "' is an empty string");
    }
    return value;
  }
}
