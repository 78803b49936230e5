package io.shardstream.core.transcode;

/** Strings stand for themselves, as in Entity Manager. */
final class StringTranscode implements Transcode {
  @Override
  public String name() {
    return "string";
  }

  @Override
  public String encode(Object value) {
    if (value instanceof String s) {
      return s;
    }
    throw new TranscodeException("string value must be a string, got " + Numbers.describe(value));
  }

  @Override
  public Object decode(String encoded) {
    return encoded;
  }
}
