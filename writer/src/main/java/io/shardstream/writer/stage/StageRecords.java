package io.shardstream.writer.stage;

import io.shardstream.writer.event.SourceRecord;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Helpers for the records the stages read and write. */
final class StageRecords {
  private StageRecords() {}

  /** The source record of the record being processed (a source topic's record). */
  static SourceRecord source(ProcessingContext context, Record<byte[], byte[]> record) {
    RecordMetadata metadata =
        context
            .recordMetadata()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no record metadata: the stages process source-topic records only"));
    return new SourceRecord(
        metadata.topic(),
        metadata.partition(),
        metadata.offset(),
        record.timestamp(),
        record.key(),
        record.value());
  }

  /** {@code topic-partition@offset}, for logs. */
  static String describe(RecordMetadata metadata) {
    return metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset();
  }

  /** The record key as text; the producers' keys are UTF-8 strings (the unique ids). */
  static String key(byte[] key) {
    return key == null ? null : new String(key, StandardCharsets.UTF_8);
  }
}
