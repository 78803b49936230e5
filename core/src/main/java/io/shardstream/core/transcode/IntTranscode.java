package io.shardstream.core.transcode;

/**
 * Whole numbers with magnitude below 10^16 (JavaScript's safe integers fit): {@code p} + 16 digits,
 * or {@code n} + the 16-digit ten's complement for negatives. Decodes to {@link Long}.
 */
final class IntTranscode implements Transcode {
  private final SignedDigits digits = new SignedDigits("int", 16, "p", "n");

  @Override
  public String name() {
    return "int";
  }

  @Override
  public String encode(Object value) {
    return digits.encode(Numbers.exactInteger(value, name()));
  }

  @Override
  public Object decode(String encoded) {
    return digits.decode(encoded).longValueExact();
  }
}
