package io.shardstream.core.transcode;

import java.math.BigInteger;

/**
 * Epoch milliseconds. Non-negative values are the 13-digit zero-padded number, exactly Entity
 * Manager's encoding (so keys stay byte-compatible); instants before 1970 are {@code -} + the
 * 13-digit ten's complement, which sorts before every non-negative value. Decodes to {@link Long}.
 */
final class TimestampTranscode implements Transcode {
  private final SignedDigits digits = new SignedDigits("timestamp", 13, "", "-");

  @Override
  public String name() {
    return "timestamp";
  }

  @Override
  public String encode(Object value) {
    if (value instanceof Long || value instanceof Integer) {
      return digits.encode(((Number) value).longValue());
    }
    BigInteger millis = Numbers.exactInteger(value, name());
    return digits.encode(millis);
  }

  @Override
  public Object decode(String encoded) {
    return digits.decode(encoded).longValueExact();
  }
}
