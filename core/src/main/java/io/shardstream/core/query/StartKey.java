package io.shardstream.core.query;

import java.util.Map;

/**
 * DynamoDB's ExclusiveStartKey (and LastEvaluatedKey) of a GSI query: the table hash and range keys
 * and the index hash and range keys, each typed. Convert each entry with {@code
 * AttributeValue.fromS} / {@code fromN} by its {@link KeyType}.
 */
public record StartKey(Map<String, KeyValue> attributes) {
  public StartKey {
    attributes = Map.copyOf(attributes);
  }

  public KeyValue get(String attribute) {
    return attributes.get(attribute);
  }
}
