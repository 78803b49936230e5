package io.shardstream.ingest.stream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * A stream record as the JSON a dead letter keeps: {@code eventID}, {@code eventName}, {@code
 * sequenceNumber}, {@code approximateCreationDateTime} (ISO-8601), {@code keys}, {@code newImage},
 * {@code oldImage}, attributes as {@link AttributeJson} writes them (S → string, N → number, ...).
 * Parts the record lacks are left out, so a missing image shows as missing.
 */
final class StreamRecordJson {
  static final String EVENT_ID = "eventID";
  static final String EVENT_NAME = "eventName";
  static final String SEQUENCE_NUMBER = "sequenceNumber";
  static final String CREATED = "approximateCreationDateTime";
  static final String KEYS = "keys";
  static final String NEW_IMAGE = "newImage";
  static final String OLD_IMAGE = "oldImage";

  private StreamRecordJson() {}

  static ObjectNode of(Record record) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    putIfPresent(json, EVENT_ID, record.eventID());
    putIfPresent(json, EVENT_NAME, record.eventNameAsString());
    StreamRecord change = record.dynamodb();
    if (change == null) {
      return json;
    }
    putIfPresent(json, SEQUENCE_NUMBER, change.sequenceNumber());
    if (change.approximateCreationDateTime() != null) {
      json.put(CREATED, change.approximateCreationDateTime().toString());
    }
    // has*() tells an absent map from an empty one: the SDK returns an empty map for both.
    if (change.hasKeys()) {
      json.set(KEYS, AttributeJson.object(change.keys()));
    }
    if (change.hasNewImage()) {
      json.set(NEW_IMAGE, AttributeJson.object(change.newImage()));
    }
    if (change.hasOldImage()) {
      json.set(OLD_IMAGE, AttributeJson.object(change.oldImage()));
    }
    return json;
  }

  private static void putIfPresent(ObjectNode json, String field, String value) {
    if (value != null) {
      json.put(field, value);
    }
  }
}
