package io.shardstream.schemas.serde;

import io.shardstream.schemas.registry.SchemaRegistryUnavailableException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes record values into {@link DecodeResult}s, so that a stream can route bad records to the
 * dead-letter topic with a reason instead of failing on them. Thread-safe.
 */
public final class ChangeEventDecoder<T> {
  private final Deserializer<T> deserializer;

  ChangeEventDecoder(Deserializer<T> deserializer) {
    this.deserializer = deserializer;
  }

  /**
   * A decoder over any deserializer that throws {@link UndecodableEventException} for bad bytes (a
   * {@link ChangeEventSerdes} of tests, for instance).
   */
  public static <T> ChangeEventDecoder<T> of(Deserializer<T> deserializer) {
    return new ChangeEventDecoder<>(deserializer);
  }

  /**
   * The event in {@code value}, or why there is none.
   *
   * @throws SchemaRegistryUnavailableException the registry cannot be asked for the schema: the
   *     record may be fine, so it must not be dead-lettered
   */
  public DecodeResult<T> decode(String topic, byte[] value) {
    if (value == null) {
      return new DecodeResult.Failed<>(
          DecodeFailure.NULL_VALUE,
          "the record has no value (a tombstone); deletes are DELETE events");
    }
    try {
      return new DecodeResult.Ok<>(deserializer.deserialize(topic, value));
    } catch (UndecodableEventException e) {
      return new DecodeResult.Failed<>(e.failure(), e.getMessage());
    }
  }
}
