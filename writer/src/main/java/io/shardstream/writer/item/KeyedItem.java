package io.shardstream.writer.item;

import io.shardstream.core.keys.PrimaryKey;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table item with every generated key, as DynamoDB attributes, checked against DynamoDB's limits.
 *
 * @param key the item's table key (hash key + range key)
 */
public record KeyedItem(PrimaryKey key, Map<String, AttributeValue> attributes) {
  public KeyedItem {
    Objects.requireNonNull(key, "key");
    attributes = Map.copyOf(attributes);
  }
}
