package io.shardstream.ingest.fields;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Typed reads of an event's fields that collect every problem, each named by its path ({@code
 * user.created}) and, where the source calls it something else, the source's name, instead of
 * stopping at the first: one pass over a bad file tells its author everything to fix.
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
  void rejectUnknown(FieldMap object, String path, Collection<String> known) {
    for (String name : object.names()) {
      if (!known.contains(name)) {
        problem(
            "unknown field "
                + object.label(path, name)
                + " (expected "
                + String.join(", ", known.stream().sorted().toList())
                + ")");
      }
    }
  }

  /** A nested object, or null (with a problem when required). */
  FieldMap object(FieldMap parent, String path, String name, boolean required) {
    FieldValue value = parent.get(name);
    if (absent(value)) {
      if (required) {
        problem("missing " + parent.label(path, name));
      }
      return null;
    }
    if (!(value instanceof FieldValue.Fields fields)) {
      problem(parent.label(path, name) + " must be an object, got " + value.describe());
      return null;
    }
    return fields.fields();
  }

  String text(FieldMap parent, String path, String name) {
    FieldValue value = parent.get(name);
    if (absent(value)) {
      problem("missing " + parent.label(path, name));
      return null;
    }
    if (!(value instanceof FieldValue.Text text)) {
      problem(parent.label(path, name) + " must be a string, got " + value.describe());
      return null;
    }
    return text.value();
  }

  /** A string that may be absent or null. */
  String optionalText(FieldMap parent, String path, String name) {
    FieldValue value = parent.get(name);
    if (absent(value)) {
      return null;
    }
    if (!(value instanceof FieldValue.Text text)) {
      problem(parent.label(path, name) + " must be a string or null, got " + value.describe());
      return null;
    }
    return text.value();
  }

  Long wholeNumber(FieldMap parent, String path, String name) {
    FieldValue value = parent.get(name);
    if (absent(value)) {
      problem("missing " + parent.label(path, name));
      return null;
    }
    Long number = value instanceof FieldValue.Number n ? n.asLong() : null;
    if (number == null) {
      problem(
          parent.label(path, name) + " must be a whole number (64-bit), got " + value.describe());
    }
    return number;
  }

  /**
   * An ISO-8601 instant ({@code 2025-03-01T10:15:30.123Z}, offsets allowed) or epoch milliseconds.
   */
  Instant timestamp(FieldMap parent, String path, String name, boolean required) {
    FieldValue value = parent.get(name);
    if (absent(value)) {
      if (required) {
        problem("missing " + parent.label(path, name));
      }
      return null;
    }
    String field = parent.label(path, name);
    if (value instanceof FieldValue.Number number && number.asLong() != null) {
      return Instant.ofEpochMilli(number.asLong());
    }
    if (value instanceof FieldValue.Text text) {
      Instant parsed = parseInstant(text.value());
      if (parsed == null) {
        problem(
            field
                + " must be an ISO-8601 instant such as 2025-03-01T10:15:30.123Z, got "
                + value.describe());
      }
      return parsed;
    }
    problem(field + " must be an ISO-8601 instant or epoch milliseconds, got " + value.describe());
    return null;
  }

  UUID uuid(FieldMap parent, String path, String name) {
    String text = optionalText(parent, path, name);
    if (text == null) {
      return null;
    }
    if (!UUID_TEXT.matcher(text).matches()) {
      problem(
          parent.label(path, name)
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

  private static boolean absent(FieldValue value) {
    return value == null || value instanceof FieldValue.Null;
  }
}
