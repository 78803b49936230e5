package io.shardstream.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Typed, path-aware reads from a JSON tree that record an error instead of throwing. */
final class JsonFields {
  private final ErrorCollector errors;

  JsonFields(ErrorCollector errors) {
    this.errors = errors;
  }

  /** Reports keys of {@code object} that are not in {@code allowed}. */
  void rejectUnknown(JsonNode object, String path, Set<String> allowed) {
    object
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!allowed.contains(name)) {
                errors.add(
                    ErrorCollector.child(path, name),
                    "unknown-property",
                    "unknown property '"
                        + name
                        + "' (allowed: "
                        + String.join(", ", sorted(allowed))
                        + ")");
              }
            });
  }

  Optional<String> string(JsonNode parent, String path, String key, boolean required) {
    JsonNode node = parent.get(key);
    String at = ErrorCollector.child(path, key);
    if (node == null || node.isNull()) {
      if (required) {
        errors.add(at, "required", "'" + key + "' is required");
      }
      return Optional.empty();
    }
    if (!node.isTextual()) {
      errors.add(at, "type", "'" + key + "' must be a string");
      return Optional.empty();
    }
    if (node.asText().isEmpty()) {
      errors.add(at, "non-empty", "'" + key + "' must not be empty");
      return Optional.empty();
    }
    return Optional.of(node.asText());
  }

  /** An integer in [min, max]; empty (with an error) when missing, mistyped or out of range. */
  Optional<Long> integer(
      JsonNode parent, String path, String key, boolean required, long min, long max) {
    JsonNode node = parent.get(key);
    String at = ErrorCollector.child(path, key);
    if (node == null || node.isNull()) {
      if (required) {
        errors.add(at, "required", "'" + key + "' is required");
      }
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      errors.add(at, "type", "'" + key + "' must be a whole number");
      return Optional.empty();
    }
    long value = node.asLong();
    if (value < min || value > max) {
      errors.add(
          at, "range", "'" + key + "' must be between " + min + " and " + max + ", got " + value);
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** A boolean, or empty when missing; an error when present but not a boolean. */
  Optional<Boolean> bool(JsonNode parent, String path, String key) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isBoolean()) {
      errors.add(ErrorCollector.child(path, key), "type", "'" + key + "' must be true or false");
      return Optional.empty();
    }
    return Optional.of(node.asBoolean());
  }

  /** The object at {@code key}, or empty; an error when present but not an object. */
  Optional<JsonNode> object(JsonNode parent, String path, String key, boolean required) {
    JsonNode node = parent.get(key);
    String at = ErrorCollector.child(path, key);
    if (node == null || node.isNull()) {
      if (required) {
        errors.add(at, "required", "'" + key + "' is required");
      }
      return Optional.empty();
    }
    if (!node.isObject()) {
      errors.add(at, "type", "'" + key + "' must be an object");
      return Optional.empty();
    }
    return Optional.of(node);
  }

  Optional<JsonNode> array(JsonNode parent, String path, String key) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isArray()) {
      errors.add(ErrorCollector.child(path, key), "type", "'" + key + "' must be an array");
      return Optional.empty();
    }
    return Optional.of(node);
  }

  /** A list of distinct non-empty strings. */
  Optional<List<String>> stringList(JsonNode parent, String path, String key, boolean nonEmpty) {
    Optional<JsonNode> array = array(parent, path, key);
    if (array.isEmpty()) {
      return Optional.empty();
    }
    String at = ErrorCollector.child(path, key);
    return stringList(array.get(), at, nonEmpty);
  }

  Optional<List<String>> stringList(JsonNode array, String at, boolean nonEmpty) {
    if (!array.isArray()) {
      errors.add(at, "type", "must be an array of strings");
      return Optional.empty();
    }
    if (nonEmpty && array.isEmpty()) {
      errors.add(at, "non-empty", "must list at least one property");
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < array.size(); i++) {
      JsonNode element = array.get(i);
      String elementAt = ErrorCollector.index(at, i);
      if (!element.isTextual() || element.asText().isEmpty()) {
        errors.add(elementAt, "type", "must be a non-empty string");
        ok = false;
      } else if (values.contains(element.asText())) {
        errors.add(elementAt, "unique", "duplicate element '" + element.asText() + "'");
        ok = false;
      } else {
        values.add(element.asText());
      }
    }
    return ok ? Optional.of(values) : Optional.empty();
  }

  /** Fields of an object, in document order. */
  static Map<String, JsonNode> fields(JsonNode object) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    object.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
    return fields;
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
