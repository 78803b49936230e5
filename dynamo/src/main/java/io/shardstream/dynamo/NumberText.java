package io.shardstream.dynamo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The N text of a Java number, exact, checked against what DynamoDB can store, and the narrowest
 * Java number for an N text.
 */
final class NumberText {
  /** DynamoDB keeps up to 38 significant digits. */
  static final int MAX_DIGITS = 38;

  /** Smallest and largest decimal exponent of a non-zero DynamoDB number (1E-130, 9.99..E+125). */
  static final int MIN_EXPONENT = -130;

  static final int MAX_EXPONENT = 125;

  /** Beyond this many zeros, scientific notation is shorter than the plain form. */
  private static final int MAX_PLAIN_ZEROS = 20;

  private NumberText() {}

  public static String of(String path, Number number) {
    if (number instanceof Long
        || number instanceof Integer
        || number instanceof Short
        || number instanceof Byte
        || number instanceof AtomicLong
        || number instanceof AtomicInteger) {
      return Long.toString(number.longValue());
    }
    return of(path, decimal(path, number));
  }

  /** The narrowest of Long, BigInteger, BigDecimal holding the N text's value. */
  public static Number parse(String path, String text) {
    BigDecimal value;
    try {
      value = new BigDecimal(text).stripTrailingZeros();
    } catch (NumberFormatException e) {
      throw new AttributeMappingException(path, "N attribute '" + text + "' is not a number");
    }
    if (value.scale() > 0) {
      return value;
    }
    BigInteger whole = value.toBigIntegerExact();
    return whole.bitLength() < Long.SIZE ? (Number) whole.longValue() : whole;
  }

  private static String of(String path, BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.signum() == 0) {
      return "0";
    }
    if (stripped.precision() > MAX_DIGITS) {
      throw new AttributeMappingException(
          path,
          "number "
              + value
              + " has "
              + stripped.precision()
              + " significant digits; DynamoDB stores at most "
              + MAX_DIGITS);
    }
    int exponent = stripped.precision() - stripped.scale() - 1;
    if (exponent < MIN_EXPONENT || exponent > MAX_EXPONENT) {
      throw new AttributeMappingException(
          path,
          "number "
              + value
              + " is outside DynamoDB's range"
              + " (magnitude 1E-130 to 9.9999999999999999999999999999999999999E+125)");
    }
    // Plain text for everyday numbers (what a human reading the table expects); scientific
    // notation, which DynamoDB accepts, only where the plain form would be mostly zeros.
    boolean plainIsShort =
        stripped.scale() <= MAX_PLAIN_ZEROS && -stripped.scale() <= MAX_PLAIN_ZEROS;
    return plainIsShort ? stripped.toPlainString() : stripped.toString();
  }

  private static BigDecimal decimal(String path, Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal;
    }
    if (number instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new AttributeMappingException(
            path, "number " + number + " cannot be stored:" + " DynamoDB has no NaN or infinity");
      }
      // The shortest decimal that reads back as the same double/float, not its binary expansion
      // (0.1 stays 0.1, not 0.1000000000000000055511151231257827...).
      return new BigDecimal(number.toString());
    }
    try {
      return new BigDecimal(number.toString());
    } catch (NumberFormatException e) {
      throw new AttributeMappingException(
          path,
          "number of type " + number.getClass().getName() + " has no decimal form: " + number);
    }
  }
}
