package io.shardstream.core.transcode;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Decimals with up to six fraction digits and magnitude below 10^10: {@code p} + 10 integer digits
 * + {@code .} + 6 fraction digits (Entity Manager's format), or {@code n} + the ten's complement of
 * that for negatives. Decodes to a {@link BigDecimal} of scale 6.
 */
final class Fix6Transcode implements Transcode {
  private static final int SCALE = 6;
  private final SignedDigits digits = new SignedDigits("fix6", 16, "p", "n");

  @Override
  public String name() {
    return "fix6";
  }

  @Override
  public String encode(Object value) {
    BigDecimal decimal = Numbers.exactDecimal(value, name());
    BigInteger unscaled;
    try {
      unscaled = decimal.setScale(SCALE).unscaledValue();
    } catch (ArithmeticException tooPrecise) {
      throw new TranscodeException("fix6 value " + value + " has more than 6 decimal places");
    }
    String plain = digits.encode(unscaled);
    int point = plain.length() - SCALE;
    return plain.substring(0, point) + "." + plain.substring(point);
  }

  @Override
  public Object decode(String encoded) {
    int point = encoded.length() - SCALE - 1;
    if (point < 1 || encoded.charAt(point) != '.') {
      throw new TranscodeException("invalid encoded fix6 '" + encoded + "'");
    }
    String plain = encoded.substring(0, point) + encoded.substring(point + 1);
    return new BigDecimal(digits.decode(plain), SCALE);
  }
}
