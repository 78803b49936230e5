package io.shardstream.schemas;

/**
 * The headers of a record on the dead-letter topic ({@link Topics#DEAD_LETTERS}; UTF-8 text,
 * numbers in decimal). Shared by everything that dead-letters: the writer (a Kafka record it will
 * not apply: key, value, timestamp and other headers are the source record's own) and the DynamoDB
 * Streams source (a stream record that cannot become an event: the value is the record as JSON).
 */
public final class DeadLetterHeaders {
  public static final String PREFIX = "shardstream.dlq.";

  /**
   * Stable code. Writer: {@code undecodable:<failure>}, {@code invalid:<field>:<rule>}, {@code
   * email-owned-by-other-user}, {@code user-deleted}. DynamoDB Streams source: {@code
   * stream:<problem>} ({@code stream:missing-version}, ...).
   */
  public static final String REASON = PREFIX + "reason";

  /** What was wrong, for people ({@link #detail}: at most {@value #MAX_DETAIL_CHARS} chars). */
  public static final String DETAIL = PREFIX + "detail";

  /** A detail header's length limit: parser messages can quote whole values. */
  public static final int MAX_DETAIL_CHARS = 2_000;

  /** {@code detail} as the {@link #DETAIL} header carries it: cut after the limit, with "...". */
  public static String detail(String detail) {
    return detail.length() <= MAX_DETAIL_CHARS
        ? detail
        : detail.substring(0, MAX_DETAIL_CHARS) + "...";
  }

  /** Writer: the Kafka record the dead letter stands for. */
  public static final String SOURCE_TOPIC = PREFIX + "source.topic";

  public static final String SOURCE_PARTITION = PREFIX + "source.partition";
  public static final String SOURCE_OFFSET = PREFIX + "source.offset";
  public static final String SOURCE_TIMESTAMP = PREFIX + "source.timestamp";

  /** DynamoDB Streams source: the source table whose stream held the record. */
  public static final String SOURCE_TABLE = PREFIX + "source.table";

  /** DynamoDB Streams source: the record's sequence number in its shard. */
  public static final String SOURCE_SEQUENCE_NUMBER = PREFIX + "source.sequence-number";

  /** DynamoDB Streams source: the record's {@code eventName} (INSERT, MODIFY, REMOVE). */
  public static final String SOURCE_EVENT_NAME = PREFIX + "source.event-name";

  /** The event's {@code eventId}, when there was an event (the writer's bytes decoded). */
  public static final String EVENT_ID = PREFIX + "event.id";

  private DeadLetterHeaders() {}
}
