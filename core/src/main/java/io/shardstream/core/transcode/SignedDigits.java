package io.shardstream.core.transcode;

import java.math.BigInteger;

/**
 * Fixed-width signed decimal encoding that sorts like the numbers it stands for.
 *
 * <p>Non-negative values are {@code positivePrefix} + the zero-padded digits (Entity Manager's own
 * format, so positive keys stay byte-compatible). Negative values are {@code negativePrefix} + the
 * digits of {@code 10^width + v} (the ten's complement): Entity Manager writes the magnitude there,
 * which makes -5 sort after -4. The negative prefix must sort before the positive one.
 */
final class SignedDigits {
  private final String name;
  private final int width;
  private final String positivePrefix;
  private final String negativePrefix;
  private final BigInteger bound;

  /** {@code 10^width} when it fits a long (widths up to 18), else 0: the fast path's bound. */
  private final long longBound;

  SignedDigits(String name, int width, String positivePrefix, String negativePrefix) {
    this.name = name;
    this.width = width;
    this.positivePrefix = positivePrefix;
    this.negativePrefix = negativePrefix;
    this.bound = BigInteger.TEN.pow(width);
    this.longBound = width <= 18 ? bound.longValueExact() : 0;
  }

  /** The largest magnitude this encoding holds, exclusive. */
  BigInteger bound() {
    return bound;
  }

  String encode(BigInteger value) {
    if (value.abs().compareTo(bound) >= 0) {
      throw new TranscodeException(
          name + " value " + value + " is out of range (magnitude below 10^" + width + ")");
    }
    return value.signum() >= 0
        ? positivePrefix + Numbers.pad(value, width)
        : negativePrefix + Numbers.pad(bound.add(value), width);
  }

  /** {@link #encode(BigInteger)} without the BigInteger, for the common case of a long. */
  String encode(long value) {
    if (longBound == 0 || value == Long.MIN_VALUE || Math.abs(value) >= longBound) {
      return encode(BigInteger.valueOf(value));
    }
    if (value < 0) {
      return negativePrefix + pad(longBound + value);
    }
    // Concatenating an empty prefix would still copy the digits (a new string, as the JLS says).
    return positivePrefix.isEmpty() ? pad(value) : positivePrefix + pad(value);
  }

  private String pad(long nonNegative) {
    String digits = Long.toString(nonNegative);
    int zeros = width - digits.length();
    if (zeros <= 0) {
      return digits;
    }
    StringBuilder padded = new StringBuilder(width);
    for (int i = 0; i < zeros; i++) {
      padded.append('0');
    }
    return padded.append(digits).toString();
  }

  BigInteger decode(String encoded) {
    boolean negative = !negativePrefix.equals(positivePrefix) && encoded.startsWith(negativePrefix);
    String prefix = negative ? negativePrefix : positivePrefix;
    if (!encoded.startsWith(prefix) || encoded.length() != prefix.length() + width) {
      throw invalid(encoded);
    }
    String digits = encoded.substring(prefix.length());
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw invalid(encoded);
      }
    }
    BigInteger magnitude = new BigInteger(digits);
    if (!negative) {
      return magnitude;
    }
    if (magnitude.signum() == 0) {
      throw invalid(encoded); // 10^width - 10^width: not a value any encode produces
    }
    return magnitude.subtract(bound);
  }

  private TranscodeException invalid(String encoded) {
    return new TranscodeException("invalid encoded " + name + " '" + encoded + "'");
  }
}
