package io.shardstream.core.transcode;

import java.math.BigInteger;

/**
 * Whole numbers of any size up to 9,999 digits, length-prefixed so they sort by value: {@code p} +
 * 4-digit length + digits, or {@code n} + (9999 - length) + the nines' complement of the digits.
 * (Entity Manager writes the bare decimal string, which sorts 10 before 9.)
 */
final class BigIntTranscode implements Transcode {
  private static final int MAX_DIGITS = 9_999;
  private static final int LENGTH_WIDTH = 4;

  @Override
  public String name() {
    return "bigint";
  }

  @Override
  public String encode(Object value) {
    BigInteger integer = Numbers.exactInteger(value, name());
    String magnitude = integer.abs().toString();
    if (magnitude.length() > MAX_DIGITS) {
      throw new TranscodeException("bigint value has more than " + MAX_DIGITS + " digits");
    }
    if (integer.signum() >= 0) {
      return "p" + pad(magnitude.length()) + magnitude;
    }
    return "n" + pad(MAX_DIGITS - magnitude.length()) + ninesComplement(magnitude);
  }

  @Override
  public Object decode(String encoded) {
    if (encoded.length() < 1 + LENGTH_WIDTH + 1) {
      throw invalid(encoded);
    }
    char sign = encoded.charAt(0);
    if (sign != 'p' && sign != 'n') {
      throw invalid(encoded);
    }
    int length = parseDigits(encoded.substring(1, 1 + LENGTH_WIDTH), encoded);
    String body = encoded.substring(1 + LENGTH_WIDTH);
    parseDigits(body, encoded);
    int expected = sign == 'p' ? length : MAX_DIGITS - length;
    if (body.length() != expected) {
      throw invalid(encoded);
    }
    return sign == 'p' ? new BigInteger(body) : new BigInteger(ninesComplement(body)).negate();
  }

  private static String pad(int length) {
    return Numbers.pad(BigInteger.valueOf(length), LENGTH_WIDTH);
  }

  private static String ninesComplement(String digits) {
    StringBuilder out = new StringBuilder(digits.length());
    for (int i = 0; i < digits.length(); i++) {
      out.append((char) ('9' - digits.charAt(i) + '0'));
    }
    return out.toString();
  }

  private static int parseDigits(String digits, String encoded) {
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid(encoded);
    }
    return digits.length() <= 9 ? Integer.parseInt(digits) : -1;
  }

  private static TranscodeException invalid(String encoded) {
    return new TranscodeException("invalid encoded bigint '" + encoded + "'");
  }
}
