package io.shardstream.queryapi.ops;

import io.shardstream.schemas.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One record of the dead-letter topic as read: where it sits there, its {@link DeadLetterHeaders}
 * and the original key and value bytes (kept raw; {@link EventDecoding} decodes them for display).
 *
 * @param reason the stable reason code; {@value #NO_REASON} when the header is missing
 * @param headers the dead-letter headers without their prefix ({@code source.topic}, ...)
 */
public record DeadLetter(
    int partition,
    long offset,
    long timestamp,
    String reason,
    String detail,
    Map<String, String> headers,
    byte[] key,
    byte[] value) {

  /** The reason of a record without a reason header (written by something else). */
  public static final String NO_REASON = "(no reason header)";

  public DeadLetter {
    // In the order the writer wrote them (topic, partition, offset, ...): people read them so.
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  public static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
    return of(
        record.partition(),
        record.offset(),
        record.timestamp(),
        record.headers(),
        record.key(),
        record.value());
  }

  static DeadLetter of(
      int partition, long offset, long timestamp, Headers headers, byte[] key, byte[] value) {
    Map<String, String> ours = new LinkedHashMap<>();
    for (Header header : headers) {
      if (header.key().startsWith(DeadLetterHeaders.PREFIX) && header.value() != null) {
        // The last one wins, as Headers.lastHeader would.
        ours.put(
            header.key().substring(DeadLetterHeaders.PREFIX.length()),
            new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    String reason = ours.remove(suffix(DeadLetterHeaders.REASON));
    String detail = ours.remove(suffix(DeadLetterHeaders.DETAIL));
    return new DeadLetter(
        partition,
        offset,
        timestamp,
        reason == null || reason.isBlank() ? NO_REASON : reason,
        detail == null ? "" : detail,
        ours,
        key,
        value);
  }

  /** The header's value ({@link DeadLetterHeaders} constant), or null. */
  public String header(String fullName) {
    return headers.get(suffix(fullName));
  }

  private static String suffix(String fullName) {
    return fullName.substring(DeadLetterHeaders.PREFIX.length());
  }
}
