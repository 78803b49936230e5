package io.shardstream.schemas.serde;

import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.registry.RegistrySettings;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serdes for the change events, in one framing: through the schema registry (Confluent wire
 * format) or plain Avro binary (tests). Every call returns a new, already configured serde; Kafka's
 * {@code configure} calls on it are ignored, since client properties are not registry settings.
 *
 * <p>Kafka Streams hands deserialization errors to its {@code DeserializationExceptionHandler},
 * which cannot tell a corrupt record from an unreachable registry. The writer therefore reads raw
 * bytes and uses {@link #valueDecoder}: bad bytes come back as {@link DecodeResult.Failed} for the
 * dead-letter topic, while an unavailable registry throws and stops the stream.
 */
public interface ChangeEventSerdes {

  /**
   * Serdes through the schema registry, in the Confluent wire format, on the API {@link
   * RegistrySettings#api()} names.
   */
  static ChangeEventSerdes registry(RegistrySettings settings) {
    return new RegistryChangeEventSerdes(settings);
  }

  /** Serdes of plain Avro binary with the current schemas, no registry. */
  static ChangeEventSerdes plainAvro() {
    return new PlainAvroChangeEventSerdes();
  }

  /** A serde for record values of a generated event class. */
  <T extends SpecificRecord> Serde<T> valueSerde(Class<T> eventType);

  /**
   * A serializer for events of an entity's derived schema ({@code
   * io.shardstream.schemas.model.EntityEventSchemas}) as generic records, in the same framing and
   * with the same registry rules as the generated classes' serdes. (A default only so that test
   * doubles of the generated classes' serdes need not implement it.)
   */
  default Serializer<GenericRecord> genericSerializer(Schema schema) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " serializes generated event classes only");
  }

  /** Decodes record values of a generated event class into a result instead of throwing. */
  default <T extends SpecificRecord> ChangeEventDecoder<T> valueDecoder(Class<T> eventType) {
    return new ChangeEventDecoder<>(valueSerde(eventType).deserializer());
  }

  /**
   * Decodes record values into generic records of {@code eventSchema}, an entity's derived event
   * schema ({@code EntityEventSchemas.derive}), in this serdes' framing: through the registry the
   * writer's schema (any registered version, today's generated User/Email schemas included) is
   * resolved against it; an event of another record name is {@code wrong-event-type}.
   */
  ChangeEventDecoder<GenericRecord> genericDecoder(Schema eventSchema);

  default Serde<UserChangeEvent> userEvents() {
    return valueSerde(UserChangeEvent.class);
  }

  default Serde<EmailChangeEvent> emailEvents() {
    return valueSerde(EmailChangeEvent.class);
  }
}
