package io.shardstream.core.transcode;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Converts the number types JSON parsers and callers hand us into exact values. */
final class Numbers {
  private Numbers() {}

  /** The value as an exact integer, or an exception naming the transcode when it is not one. */
  static BigInteger exactInteger(Object value, String transcode) {
    if (value instanceof BigInteger big) {
      return big;
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    if (value instanceof Number number) {
      BigDecimal decimal = exactDecimal(number, transcode);
      try {
        return decimal.toBigIntegerExact();
      } catch (ArithmeticException notIntegral) {
        throw new TranscodeException(transcode + " value must be a whole number, got " + value);
      }
    }
    throw new TranscodeException(transcode + " value must be a number, got " + describe(value));
  }

  /** The value as an exact decimal. */
  static BigDecimal exactDecimal(Object value, String transcode) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof BigInteger big) {
      return new BigDecimal(big);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new TranscodeException(transcode + " value must be finite, got " + value);
      }
      // The shortest decimal that round-trips the double: 0.1 stays 0.1, not 0.1000000000000000055.
      return new BigDecimal(Double.toString(d));
    }
    if (value instanceof Number number) {
      return BigDecimal.valueOf(number.longValue());
    }
    throw new TranscodeException(transcode + " value must be a number, got " + describe(value));
  }

  static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
  }

  /** Left-pads the decimal digits of a non-negative integer with zeros to {@code width}. */
  static String pad(BigInteger nonNegative, int width) {
    String digits = nonNegative.toString();
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }
}
