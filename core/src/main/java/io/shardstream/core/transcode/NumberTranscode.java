package io.shardstream.core.transcode;

import java.util.HexFormat;

/**
 * Any finite double, as 16 hex digits of its IEEE-754 bits arranged to sort by value (sign bit
 * flipped for positives, all bits flipped for negatives). Entity Manager writes the bare decimal
 * string, which does not sort. Decodes to {@link Double}; -0.0 encodes as 0.0.
 */
final class NumberTranscode implements Transcode {
  private static final HexFormat HEX = HexFormat.of();

  @Override
  public String name() {
    return "number";
  }

  @Override
  public String encode(Object value) {
    double d = Numbers.exactDecimal(value, name()).doubleValue();
    if (d == 0.0) {
      d = 0.0; // fold -0.0 into 0.0: they compare equal
    }
    long bits = Double.doubleToLongBits(d);
    long sortable = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    return HEX.toHexDigits(sortable);
  }

  @Override
  public Object decode(String encoded) {
    if (encoded.length() != 16 || !encoded.chars().allMatch(NumberTranscode::isLowerHex)) {
      throw new TranscodeException("invalid encoded number '" + encoded + "'");
    }
    long sortable = HEX.fromHexDigitsToLong(encoded);
    long bits = sortable < 0 ? sortable ^ Long.MIN_VALUE : ~sortable;
    double d = Double.longBitsToDouble(bits);
    if (!Double.isFinite(d)) {
      throw new TranscodeException("invalid encoded number '" + encoded + "'");
    }
    return d;
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }
}
