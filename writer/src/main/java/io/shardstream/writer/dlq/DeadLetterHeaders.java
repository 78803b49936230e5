package io.shardstream.writer.dlq;

/**
 * The headers of a dead letter (UTF-8 text; numbers in decimal). The record's key, value, timestamp
 * and other headers are the source record's own.
 */
public final class DeadLetterHeaders {
  public static final String PREFIX = "shardstream.dlq.";

  /**
   * Stable code: {@code undecodable:<failure>}, {@code invalid:<field>:<rule>}, {@code
   * email-owned-by-other-user}, {@code user-deleted}.
   */
  public static final String REASON = PREFIX + "reason";

  /** What was wrong, for people. */
  public static final String DETAIL = PREFIX + "detail";

  public static final String SOURCE_TOPIC = PREFIX + "source.topic";
  public static final String SOURCE_PARTITION = PREFIX + "source.partition";
  public static final String SOURCE_OFFSET = PREFIX + "source.offset";
  public static final String SOURCE_TIMESTAMP = PREFIX + "source.timestamp";

  /** The event's {@code eventId}, when the bytes decoded. */
  public static final String EVENT_ID = PREFIX + "event.id";

  private DeadLetterHeaders() {}
}
