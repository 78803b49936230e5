package io.shardstream.core.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Comparisons and conversions of attribute values, the way DynamoDB orders them. */
final class Values {
  private Values() {}

  /**
   * Compares strings as their UTF-8 bytes, as DynamoDB orders S values. That is code point order,
   * which differs from {@link String#compareTo} (UTF-16 units) only where a surrogate pair meets a
   * character at or above U+E000: the pair (a supplementary code point) is the greater.
   */
  static int compareUtf8(String a, String b) {
    int common = Math.min(a.length(), b.length());
    for (int i = 0; i < common; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        boolean xs = Character.isSurrogate(x);
        if (xs != Character.isSurrogate(y)) {
          return xs ? 1 : -1;
        }
        return Character.compare(x, y);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  /** An item's numeric attribute as an exact decimal, or null when it is not a number. */
  static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
    }
    if (value instanceof Number n) {
      try {
        return new BigDecimal(n.toString());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The text DynamoDB would hold for a number: no trailing zeros, no exponent. */
  static String canonical(BigDecimal number) {
    return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
  }

  /** Compares two plain attribute values of the same kind; null when they cannot be compared. */
  static Integer compareAttributes(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return compareUtf8(x, y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    BigDecimal x = decimal(a);
    BigDecimal y = decimal(b);
    return x != null && y != null ? x.compareTo(y) : null;
  }

  /** A typed, unambiguous rendering of a plain value, for fingerprints. */
  static String canonicalValue(Object value) {
    if (value instanceof String s) {
      return "s:" + quote(s);
    }
    if (value instanceof Boolean b) {
      return "b:" + b;
    }
    BigDecimal number = decimal(value);
    if (number != null) {
      return "n:" + canonical(number);
    }
    throw new QueryException(
        "unsupported value "
            + value
            + " ("
            + (value == null ? "null" : value.getClass().getSimpleName())
            + "): use a string, number or boolean");
  }

  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
