package io.shardstream.dynamo.query;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The placeholders of one request's expressions. Every attribute name goes through {@code #n<i>}
 * and every value through {@code :v<i>}, so configured names that are DynamoDB reserved words
 * ({@code name}, {@code created} is fine, {@code timestamp} is not) or contain dots need no special
 * care.
 */
final class Expressions {
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, String> placeholderByName = new LinkedHashMap<>();
  private final Map<String, AttributeValue> values = new LinkedHashMap<>();

  /** The placeholder of an attribute name, the same one each time the name is asked for. */
  String name(String attribute) {
    return placeholderByName.computeIfAbsent(
        attribute,
        a -> {
          String placeholder = "#n" + names.size();
          names.put(placeholder, a);
          return placeholder;
        });
  }

  /** A new placeholder for a value. */
  String value(AttributeValue value) {
    String placeholder = ":v" + values.size();
    values.put(placeholder, value);
    return placeholder;
  }

  Map<String, String> names() {
    return Map.copyOf(names);
  }

  Map<String, AttributeValue> values() {
    return Map.copyOf(values);
  }
}
