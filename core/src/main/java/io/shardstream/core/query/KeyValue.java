package io.shardstream.core.query;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One key attribute value as DynamoDB takes it: a type and its text ({@code AttributeValue.fromS}
 * or {@code fromN}). N text is canonical (no trailing zeros, no exponent), so equal numbers have
 * equal text.
 */
public record KeyValue(KeyType type, String text) {
  public KeyValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
  }

  public static KeyValue s(String text) {
    return new KeyValue(KeyType.S, text);
  }

  public static KeyValue n(BigDecimal number) {
    return new KeyValue(KeyType.N, Values.canonical(number));
  }

  /** An item attribute's value under a key type, or null when the attribute does not fit it. */
  static KeyValue ofAttribute(KeyType type, Object attribute) {
    if (type == KeyType.S) {
      return attribute instanceof String s ? s(s) : null;
    }
    BigDecimal number = Values.decimal(attribute);
    return number == null ? null : n(number);
  }

  /** The value as it sorts: a number for N, the string for S. */
  SortValue sortValue() {
    return type == KeyType.N ? new SortValue.Num(new BigDecimal(text)) : new SortValue.Text(text);
  }
}
