package io.shardstream.writer.dlq;

import io.shardstream.schemas.DeadLetterHeaders;
import io.shardstream.writer.check.Rejection;
import io.shardstream.writer.event.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;

/**
 * An input record the writer will not apply, as it goes to {@code shardstream.dlq}: the original
 * key and value bytes, timestamp and headers, plus headers naming the reason and the source.
 *
 * @param eventId the event's id when the bytes decoded, else null
 */
public record RefusedRecord(SourceRecord source, Rejection rejection, String eventId) {
  public RefusedRecord {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(rejection, "rejection");
  }

  /**
   * The dead-letter record. {@code originalHeaders} are copied; dead-letter headers already on them
   * (a dead letter replayed into a source topic) are replaced, not repeated.
   */
  public Record<byte[], byte[]> toRecord(Headers originalHeaders) {
    Headers headers = new RecordHeaders();
    for (Header header : originalHeaders) {
      if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
        headers.add(header);
      }
    }
    add(headers, DeadLetterHeaders.REASON, rejection.reason());
    add(headers, DeadLetterHeaders.DETAIL, DeadLetterHeaders.detail(rejection.detail()));
    add(headers, DeadLetterHeaders.SOURCE_TOPIC, source.topic());
    add(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(source.partition()));
    add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(source.offset()));
    add(headers, DeadLetterHeaders.SOURCE_TIMESTAMP, Long.toString(source.timestamp()));
    if (eventId != null) {
      add(headers, DeadLetterHeaders.EVENT_ID, eventId);
    }
    return new Record<>(source.key(), source.value(), source.timestamp(), headers);
  }

  private static void add(Headers headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
