package io.shardstream.core.keys;

/**
 * Which rule an item broke when its keys cannot be generated ({@link KeyException#rule()}), so that
 * callers branch on the rule instead of reading the message. {@link #code()} is the rule's stable
 * name, e.g. the last part of the writer's dead-letter reason {@code invalid:userId:delimiter}.
 */
public enum KeyRule {
  /**
   * A key element's value contains the generated key delimiter, which would make keys ambiguous.
   */
  DELIMITER("delimiter"),
  /** A generated key is longer than DynamoDB allows for a hash or range key. */
  TOO_LONG("too-long"),
  /**
   * Anything else that keeps keys from being generated: a missing or mistyped property, a value its
   * transcode refuses, an unknown entity or generated property.
   */
  UNKEYABLE("unkeyable");

  private final String code;

  KeyRule(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
