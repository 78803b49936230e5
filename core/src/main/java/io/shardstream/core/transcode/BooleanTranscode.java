package io.shardstream.core.transcode;

/** {@code f} and {@code t}, as in Entity Manager; false sorts before true. */
final class BooleanTranscode implements Transcode {
  @Override
  public String name() {
    return "boolean";
  }

  @Override
  public String encode(Object value) {
    if (value instanceof Boolean b) {
      return b ? "t" : "f";
    }
    throw new TranscodeException(
        "boolean value must be true or false, got " + Numbers.describe(value));
  }

  @Override
  public Object decode(String encoded) {
    return switch (encoded) {
      case "t" -> Boolean.TRUE;
      case "f" -> Boolean.FALSE;
      default -> throw new TranscodeException("invalid encoded boolean '" + encoded + "'");
    };
  }
}
