package io.shardstream.core.transcode;

/**
 * Whole numbers with magnitude below 10^20: {@code p}/{@code n} + 20 digits. Decodes to BigInteger.
 */
final class BigInt20Transcode implements Transcode {
  private final SignedDigits digits = new SignedDigits("bigint20", 20, "p", "n");

  @Override
  public String name() {
    return "bigint20";
  }

  @Override
  public String encode(Object value) {
    return digits.encode(Numbers.exactInteger(value, name()));
  }

  @Override
  public Object decode(String encoded) {
    return digits.decode(encoded);
  }
}
