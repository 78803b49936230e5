package io.shardstream.ingest.stream;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** DynamoDB Streams records as the streams API returns them, for the unit tests. */
final class StreamRecords {
  static final Instant CHANGED_AT = Instant.parse("2026-11-20T12:00:00Z");

  private StreamRecords() {}

  static Record insert(String seq, Map<String, AttributeValue> item) {
    return record(OperationType.INSERT, seq, item, null);
  }

  static Record modify(
      String seq, Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
    return record(OperationType.MODIFY, seq, newItem, oldItem);
  }

  static Record remove(String seq, Map<String, AttributeValue> oldItem) {
    return record(OperationType.REMOVE, seq, null, oldItem);
  }

  static Record record(
      OperationType op,
      String seq,
      Map<String, AttributeValue> newImage,
      Map<String, AttributeValue> oldImage) {
    Map<String, AttributeValue> any = newImage != null ? newImage : oldImage;
    StreamRecord.Builder change =
        StreamRecord.builder()
            .sequenceNumber(seq)
            .approximateCreationDateTime(CHANGED_AT)
            .keys(Map.of("userId", any.getOrDefault("userId", AttributeValue.fromS("?"))));
    if (newImage != null) {
      change.newImage(newImage);
    }
    if (oldImage != null) {
      change.oldImage(oldImage);
    }
    return Record.builder()
        .eventID("ev-" + seq)
        .eventName(op)
        .eventSource("aws:dynamodb")
        .dynamodb(change.build())
        .build();
  }
}
