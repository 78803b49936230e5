package io.shardstream.core.transcode;

/** A value that a transcode cannot encode, or a string it cannot decode. */
public final class TranscodeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public TranscodeException(String message) {
    super(message);
  }
}
