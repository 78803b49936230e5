package io.shardstream.core.transcode;

/**
 * Turns a property value into the string that stands for it inside a generated key, and back.
 *
 * <p>Every transcode is order-preserving: for two values {@code a} and {@code b} of the same
 * transcode, {@code encode(a).compareTo(encode(b))} has the sign of comparing {@code a} with {@code
 * b}. That is what lets a DynamoDB range key built from encoded elements sort the way the values
 * do, negatives included. Encoded strings never contain the default key delimiters.
 */
public interface Transcode {

  /** The name used in {@code propertyTranscodes}, e.g. {@code "timestamp"}. */
  String name();

  /**
   * Encodes a value.
   *
   * @throws TranscodeException when the value has the wrong type or is out of range
   */
  String encode(Object value);

  /**
   * Decodes a string produced by {@link #encode}.
   *
   * @throws TranscodeException when the string is not a valid encoding
   */
  Object decode(String encoded);
}
