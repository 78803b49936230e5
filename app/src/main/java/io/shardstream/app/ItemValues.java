package io.shardstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardstream.app.KeysCommand.BadLineException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Item values from JSON: strings, exact numbers and booleans; nothing nested in key elements. */
final class ItemValues {
  private ItemValues() {}

  static Map<String, Object> fromJson(JsonNode item) {
    Map<String, Object> values = new LinkedHashMap<>();
    item.properties()
        .forEach(
            field -> {
              JsonNode value = field.getValue();
              if (value.isNull()) {
                return; // an absent value, as DynamoDB has no typed null in keys
              }
              if (value.isTextual()) {
                values.put(field.getKey(), value.asText());
              } else if (value.isBoolean()) {
                values.put(field.getKey(), value.asBoolean());
              } else if (value.isIntegralNumber()) {
                values.put(
                    field.getKey(),
                    value.canConvertToLong() ? (Object) value.asLong() : value.bigIntegerValue());
              } else if (value.isNumber()) {
                values.put(field.getKey(), value.decimalValue());
              } else if (value.isContainerNode()) {
                values.put(
                    field.getKey(), value); // carried through untouched; cannot be a key element
              } else {
                throw new BadLineException(
                    "property '" + field.getKey() + "' has an unsupported value");
              }
            });
    return values;
  }
}
