package io.shardstream.ingest.stream;

/**
 * Why a stream record cannot become an event: the stable {@code shardstream.dlq.reason} of its dead
 * letter and the key of the rejection counters. The detail text says the rest.
 */
public enum RejectionCode {
  /** The record has no {@code dynamodb} part. */
  NO_CHANGE("stream:no-change"),
  /** An {@code eventName} other than INSERT, MODIFY and REMOVE. */
  UNKNOWN_EVENT("stream:unknown-event"),
  /** INSERT or MODIFY without a new image: the stream's view type is not NEW_AND_OLD_IMAGES. */
  NO_NEW_IMAGE("stream:no-new-image"),
  /** REMOVE without an old image: the stream's view type is not NEW_AND_OLD_IMAGES. */
  NO_OLD_IMAGE("stream:no-old-image"),
  /** The image has no version attribute (or a NULL one). */
  MISSING_VERSION("stream:missing-version"),
  /** A version that is not a 64-bit whole number or ISO-8601 instant, or none left for a DELETE. */
  BAD_VERSION("stream:bad-version"),
  /** An attribute the event parser refuses: a missing field, a wrong type. */
  INVALID_FIELD("stream:invalid-field");

  private final String code;

  RejectionCode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return code;
  }
}
