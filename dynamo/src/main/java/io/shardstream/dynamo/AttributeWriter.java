package io.shardstream.dynamo;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Plain Java values to attribute values (see {@code ItemMapper} for the rules). */
final class AttributeWriter {
  private static final AttributeValue NUL = AttributeValue.fromNul(true);

  private AttributeWriter() {}

  public static Map<String, AttributeValue> item(Map<String, ?> item) {
    return map("", item);
  }

  public static AttributeValue value(String path, Object value) {
    if (value == null) {
      return NUL;
    }
    if (value instanceof String s) {
      return AttributeValue.fromS(s);
    }
    if (value instanceof Number n) {
      return AttributeValue.fromN(NumberText.of(path, n));
    }
    if (value instanceof Boolean b) {
      return AttributeValue.fromBool(b);
    }
    if (value instanceof byte[] bytes) {
      return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
    }
    if (value instanceof SdkBytes bytes) {
      return AttributeValue.fromB(bytes);
    }
    if (value instanceof AttributeValue attribute) {
      return attribute;
    }
    if (value instanceof Map<?, ?> map) {
      return AttributeValue.fromM(map(path, map));
    }
    if (value instanceof Collection<?> collection) {
      return AttributeValue.fromL(list(path, collection));
    }
    if (value.getClass().isArray()) {
      List<Object> elements = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        elements.add(Array.get(value, i));
      }
      return AttributeValue.fromL(list(path, elements));
    }
    throw new AttributeMappingException(
        path,
        "values of type "
            + value.getClass().getName()
            + " have no DynamoDB form (use String, Number, Boolean, byte[], Map, List or null)");
  }

  private static Map<String, AttributeValue> map(String path, Map<?, ?> map) {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String name)) {
        throw new AttributeMappingException(
            path.isEmpty() ? "$" : path,
            "map keys must be"
                + " strings, got "
                + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
      }
      if (entry.getValue() != null) {
        attributes.put(name, value(path.isEmpty() ? name : path + "." + name, entry.getValue()));
      }
    }
    return attributes;
  }

  private static List<AttributeValue> list(String path, Collection<?> elements) {
    List<AttributeValue> attributes = new ArrayList<>(elements.size());
    int i = 0;
    for (Object element : elements) {
      attributes.add(value(path + "[" + i++ + "]", element));
    }
    return attributes;
  }
}
