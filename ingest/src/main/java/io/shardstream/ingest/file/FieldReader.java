package io.shardstream.ingest.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Typed reads of one line's JSON fields that collect every problem, each named by its path ({@code
 * user.created}), instead of stopping at the first: one pass over a bad file tells its author
 * everything to fix.
 */
final class FieldReader {
  // UUID.fromString accepts "1-1-1-1-1"; ids here are the canonical 8-4-4-4-12 form.
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final List<String> problems = new ArrayList<>();

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  String problems() {
    return String.join("; ", problems);
  }

  void problem(String message) {
    problems.add(message);
  }

  /** Reports every field of {@code object} that is not in {@code known}: typos must not vanish. */
  void rejectUnknown(JsonNode object, String path, Set<String> known) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problem(
            "unknown field "
                + quote(join(path, name))
                + " (expected "
                + String.join(", ", known.stream().sorted().toList())
                + ")");
      }
    }
  }

  /** A JSON object, or null (with a problem when required). */
  JsonNode object(JsonNode parent, String path, String name, boolean required) {
    JsonNode node = parent.get(name);
    if (absent(node)) {
      if (required) {
        problem("missing " + quote(join(path, name)));
      }
      return null;
    }
    if (!node.isObject()) {
      problem(quote(join(path, name)) + " must be an object, got " + describe(node));
      return null;
    }
    return node;
  }

  String text(JsonNode parent, String path, String name) {
    JsonNode node = parent.get(name);
    if (absent(node)) {
      problem("missing " + quote(join(path, name)));
      return null;
    }
    if (!node.isTextual()) {
      problem(quote(join(path, name)) + " must be a string, got " + describe(node));
      return null;
    }
    return node.textValue();
  }

  /** A string that may be absent or null. */
  String optionalText(JsonNode parent, String path, String name) {
    JsonNode node = parent.get(name);
    if (absent(node)) {
      return null;
    }
    if (!node.isTextual()) {
      problem(quote(join(path, name)) + " must be a string or null, got " + describe(node));
      return null;
    }
    return node.textValue();
  }

  Long wholeNumber(JsonNode parent, String path, String name) {
    JsonNode node = parent.get(name);
    if (absent(node)) {
      problem("missing " + quote(join(path, name)));
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      problem(quote(join(path, name)) + " must be a whole number (64-bit), got " + describe(node));
      return null;
    }
    return node.longValue();
  }

  /**
   * An ISO-8601 instant ({@code 2025-03-01T10:15:30.123Z}, offsets allowed) or epoch milliseconds.
   */
  Instant timestamp(JsonNode parent, String path, String name, boolean required) {
    JsonNode node = parent.get(name);
    if (absent(node)) {
      if (required) {
        problem("missing " + quote(join(path, name)));
      }
      return null;
    }
    String field = quote(join(path, name));
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return Instant.ofEpochMilli(node.longValue());
    }
    if (node.isTextual()) {
      Instant parsed = parseInstant(node.textValue());
      if (parsed == null) {
        problem(
            field
                + " must be an ISO-8601 instant such as 2025-03-01T10:15:30.123Z, got "
                + describe(node));
      }
      return parsed;
    }
    problem(field + " must be an ISO-8601 instant or epoch milliseconds, got " + describe(node));
    return null;
  }

  UUID uuid(JsonNode parent, String path, String name) {
    String text = optionalText(parent, path, name);
    if (text == null) {
      return null;
    }
    if (!UUID_TEXT.matcher(text).matches()) {
      problem(
          quote(join(path, name))
              + " must be a UUID such as 6f1c1f0e-8a34-4c1e-9a57-0c0d5d1e2f3a, got \""
              + text
              + "\"");
      return null;
    }
    return UUID.fromString(text);
  }

  private static Instant parseInstant(String text) {
    try {
      Instant instant = OffsetDateTime.parse(text).toInstant();
      instant.toEpochMilli(); // Avro keeps epoch milliseconds in a long: reject what does not fit
      return instant;
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isNull();
  }

  static String describe(JsonNode node) {
    String kind =
        switch (node.getNodeType()) {
          case STRING -> "a string";
          case NUMBER -> "a number";
          case BOOLEAN -> "a boolean";
          case ARRAY -> "an array";
          case OBJECT -> "an object";
          case NULL -> "null";
          default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    if (node.isValueNode() && !node.isNull()) {
      String text = node.toString();
      return kind + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
    return kind;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String quote(String path) {
    return "\"" + path + "\"";
  }
}
