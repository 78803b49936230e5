package io.shardstream.ingest.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A DynamoDB attribute as JSON, for people and dead letters (a rejected record is kept whole as
 * JSON, see {@link StreamRecordJson}): S → string, N → number (whole numbers as integers), BOOL →
 * boolean, NULL → null, M/L/sets → objects/arrays, B → binary (base64). Events are not made from
 * it: {@link AttributeFields} gives the event's reader neutral values.
 */
final class AttributeJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AttributeJson() {}

  static JsonNode toJson(AttributeValue value) {
    return switch (value.type()) {
      case S -> JSON.textNode(value.s());
      case N -> number(value.n());
      case BOOL -> JSON.booleanNode(value.bool());
      case NUL -> JSON.nullNode();
      case B -> JSON.binaryNode(value.b().asByteArray());
      case SS -> strings(value.ss());
      case NS -> {
        ArrayNode array = JSON.arrayNode();
        value.ns().forEach(n -> array.add(number(n)));
        yield array;
      }
      case BS -> {
        ArrayNode array = JSON.arrayNode();
        value.bs().forEach(b -> array.add(JSON.binaryNode(b.asByteArray())));
        yield array;
      }
      case L -> {
        ArrayNode array = JSON.arrayNode();
        value.l().forEach(element -> array.add(toJson(element)));
        yield array;
      }
      case M -> {
        ObjectNode object = JSON.objectNode();
        for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
          object.set(entry.getKey(), toJson(entry.getValue()));
        }
        yield object;
      }
      case UNKNOWN_TO_SDK_VERSION -> JSON.textNode(String.valueOf(value));
    };
  }

  /** An item or key as a JSON object, attributes sorted by name so that equal maps print alike. */
  static ObjectNode object(Map<String, AttributeValue> attributes) {
    ObjectNode object = JSON.objectNode();
    new TreeMap<>(attributes).forEach((name, value) -> object.set(name, toJson(value)));
    return object;
  }

  /** DynamoDB numbers are decimal strings of up to 38 digits: whole ones become integers. */
  static JsonNode number(String text) {
    BigDecimal decimal = new BigDecimal(text);
    if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0) {
      return JSON.numberNode(decimal.toBigIntegerExact());
    }
    return JSON.numberNode(decimal);
  }

  private static ArrayNode strings(Iterable<String> values) {
    ArrayNode array = JSON.arrayNode();
    values.forEach(array::add);
    return array;
  }
}
