package io.shardstream.ingest.fields;

import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * One field's value as a source holds it, before any rule about the event is applied: each source
 * (a JSON line, a DynamoDB attribute) says what kind of value it has, and {@link FieldReader}
 * judges every source's values by the same rules.
 */
public sealed interface FieldValue {

  /** How a problem message shows the value: its kind, then the value itself when it is short. */
  default String describe() {
    return switch (this) {
      case Text text -> shown("a string", TextNode.valueOf(text.value()).toString());
      case Number number -> shown("a number", number.shown());
      case Bool bool -> shown("a boolean", Boolean.toString(bool.value()));
      case Null ignored -> "null";
      case Fields ignored -> "an object";
      case Sequence ignored -> "an array";
      case Binary binary -> shown("binary", "\"" + binary.base64() + "\"");
    };
  }

  private static String shown(String kind, String text) {
    return kind + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
  }

  record Text(String value) implements FieldValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * @param whole whether the source holds it as a whole number (a JSON {@code 1.0} does not; a
   *     DynamoDB {@code N} of {@code 1.0} does, DynamoDB keeps no scale)
   * @param shown the number as the source wrote it, for messages
   */
  record Number(BigDecimal value, boolean whole, String shown) implements FieldValue {
    public Number {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(shown, "shown");
    }

    /** A whole number that fits in 64 bits, or null. */
    public Long asLong() {
      if (!whole) {
        return null;
      }
      try {
        return value.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
  }

  record Bool(boolean value) implements FieldValue {}

  record Null() implements FieldValue {}

  record Fields(FieldMap fields) implements FieldValue {
    public Fields {
      Objects.requireNonNull(fields, "fields");
    }
  }

  record Sequence(List<FieldValue> elements) implements FieldValue {
    public Sequence {
      elements = List.copyOf(elements);
    }
  }

  /** Bytes, kept as base64: a source's binary value is never an event field, only described. */
  record Binary(String base64) implements FieldValue {
    public Binary {
      Objects.requireNonNull(base64, "base64");
    }

    public static Binary of(byte[] bytes) {
      return new Binary(Base64.getEncoder().encodeToString(bytes));
    }
  }
}
