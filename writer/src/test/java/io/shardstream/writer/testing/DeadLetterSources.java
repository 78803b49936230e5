package io.shardstream.writer.testing;

import io.shardstream.schemas.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Dead letters matched to the records they stand for: both sides named {@code
 * topic-partition@offset}, a sent record by its metadata, a dead letter by its source headers.
 */
public final class DeadLetterSources {
  private DeadLetterSources() {}

  /** The name of a record the test sent. */
  public static String of(RecordMetadata sent) {
    return name(sent.topic(), String.valueOf(sent.partition()), String.valueOf(sent.offset()));
  }

  /** The name of the record a dead letter stands for, from its headers. */
  public static String of(ConsumerRecord<byte[], byte[]> deadLetter) {
    return name(
        header(deadLetter, DeadLetterHeaders.SOURCE_TOPIC),
        header(deadLetter, DeadLetterHeaders.SOURCE_PARTITION),
        header(deadLetter, DeadLetterHeaders.SOURCE_OFFSET));
  }

  /** The dead letter's reason header. */
  public static String reason(ConsumerRecord<byte[], byte[]> deadLetter) {
    return header(deadLetter, DeadLetterHeaders.REASON);
  }

  private static String name(String topic, String partition, String offset) {
    return topic + "-" + partition + "@" + offset;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
