package io.shardstream.dynamo.query;

import io.shardstream.core.query.KeyType;
import io.shardstream.core.query.KeyValue;
import io.shardstream.core.query.StartKey;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Typed key values ({@link KeyValue}, {@link StartKey}) to attribute values and back. */
final class KeyValues {
  private KeyValues() {}

  static AttributeValue attribute(KeyValue value) {
    return value.type() == KeyType.N
        ? AttributeValue.fromN(value.text())
        : AttributeValue.fromS(value.text());
  }

  static Map<String, AttributeValue> attributes(StartKey key) {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    key.attributes().forEach((name, value) -> attributes.put(name, attribute(value)));
    return attributes;
  }

  /**
   * DynamoDB's LastEvaluatedKey as a start key. Key attributes are S or N here (the table and every
   * index are keyed so by construction); anything else means the table is not one this
   * configuration made.
   */
  static StartKey startKey(Map<String, AttributeValue> lastEvaluatedKey) {
    Map<String, KeyValue> key = new LinkedHashMap<>();
    lastEvaluatedKey.forEach(
        (name, value) -> {
          if (value.s() != null) {
            key.put(name, KeyValue.s(value.s()));
          } else if (value.n() != null) {
            key.put(name, KeyValue.n(new BigDecimal(value.n())));
          } else {
            throw new IllegalStateException(
                "key attribute '"
                    + name
                    + "' is neither S nor N: "
                    + value
                    + "; is the table the one this configuration defines?");
          }
        });
    return new StartKey(key);
  }
}
