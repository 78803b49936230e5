package io.shardstream.schemas.changes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The change feed's value format: {@link AppliedChange} as a JSON object, unknown fields ignored
 * when read (fields may be added; issue 11 renamed the User/Email ones to the generic {@code
 * parentEntity}, {@code parentId}, {@code binding}, {@code timestamp}). JSON rather than Avro: the
 * feed is the writer's own output, read by the query API and by people with the console consumer,
 * and carries no schema that producers must agree on.
 */
public final class AppliedChangeJson {
  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private AppliedChangeJson() {}

  public static byte[] toBytes(AppliedChange change) {
    try {
      return JSON.writeValueAsBytes(change);
    } catch (IOException e) {
      throw new SerializationException("cannot write an applied change as JSON", e);
    }
  }

  /**
   * @throws SerializationException when the bytes are not an applied change
   */
  public static AppliedChange fromBytes(byte[] bytes) {
    try {
      return JSON.readValue(bytes, AppliedChange.class);
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new SerializationException("not an applied change: " + e.getMessage(), e);
    }
  }

  /** The value as a JSON object string (what {@code /v1/changes} sends as an event's data). */
  public static String toJson(AppliedChange change) {
    try {
      return JSON.writeValueAsString(change);
    } catch (IOException e) {
      throw new SerializationException("cannot write an applied change as JSON", e);
    }
  }

  public static Serde<AppliedChange> serde() {
    Serializer<AppliedChange> serializer =
        (topic, change) -> change == null ? null : toBytes(change);
    Deserializer<AppliedChange> deserializer =
        (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
