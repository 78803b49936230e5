package io.shardstream.dynamo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Attribute values to plain Java values (see {@code ItemMapper} for the rules). */
final class AttributeReader {
  private AttributeReader() {}

  public static Map<String, Object> item(Map<String, AttributeValue> attributes) {
    return map("", attributes);
  }

  public static Object value(String path, AttributeValue value) {
    if (value == null) {
      return null;
    }
    return switch (value.type()) {
      case S -> value.s();
      case N -> NumberText.parse(path, value.n());
      case BOOL -> value.bool();
      case B -> value.b().asByteArray();
      case NUL -> null;
      case M -> map(path, value.m());
      case L -> list(path, value.l());
      case SS -> new LinkedHashSet<>(value.ss());
      case NS -> numbers(path, value.ns());
      case BS -> bytes(value.bs());
      case UNKNOWN_TO_SDK_VERSION ->
          throw new AttributeMappingException(
              path, "attribute of a type this SDK does not know: " + value);
    };
  }

  private static Map<String, Object> map(String path, Map<String, AttributeValue> attributes) {
    Map<String, Object> item = new LinkedHashMap<>();
    attributes.forEach(
        (name, attribute) ->
            item.put(name, value(path.isEmpty() ? name : path + "." + name, attribute)));
    return item;
  }

  private static List<Object> list(String path, List<AttributeValue> attributes) {
    List<Object> values = new ArrayList<>(attributes.size());
    for (int i = 0; i < attributes.size(); i++) {
      values.add(value(path + "[" + i + "]", attributes.get(i)));
    }
    return values;
  }

  private static Set<Number> numbers(String path, List<String> texts) {
    Set<Number> numbers = new LinkedHashSet<>();
    texts.forEach(text -> numbers.add(NumberText.parse(path, text)));
    return numbers;
  }

  /** A list, not a set: arrays compare by identity, so a set of them would mean nothing more. */
  private static List<byte[]> bytes(List<SdkBytes> values) {
    return values.stream().map(SdkBytes::asByteArray).toList();
  }
}
