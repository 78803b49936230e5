package io.shardstream.schemas.serde;

import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** Plain Avro binary of the current schemas: no registry, no framing. */
final class PlainAvroChangeEventSerdes implements ChangeEventSerdes {
  /** The generated event classes' schemas by record name. */
  private static final Map<String, Schema> GENERATED =
      Map.of(
          UserChangeEvent.getClassSchema().getName(), UserChangeEvent.getClassSchema(),
          EmailChangeEvent.getClassSchema().getName(), EmailChangeEvent.getClassSchema());

  @Override
  public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> eventType) {
    AvroBinaryCodec<T> codec = AvroBinaryCodec.of(eventType);
    Serializer<T> serializer = (topic, event) -> event == null ? null : codec.encode(event);
    Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : codec.decode(bytes);
    return Serdes.serdeFrom(serializer, deserializer);
  }

  @Override
  public Serializer<GenericRecord> genericSerializer(Schema schema) {
    GenericAvroEncoder encoder = new GenericAvroEncoder(schema);
    return (topic, event) -> event == null ? null : encoder.encode(event);
  }

  /**
   * Without a registry nothing names the writer's schema: the bytes are taken as written with the
   * current schema of the event, the generated class's for the events that have one (User/Email,
   * whose producers write those classes), else {@code eventSchema} itself.
   */
  @Override
  public ChangeEventDecoder<GenericRecord> genericDecoder(Schema eventSchema) {
    GenericEventCodec codec = new GenericEventCodec(eventSchema);
    Schema writer = GENERATED.getOrDefault(eventSchema.getName(), eventSchema);
    return new ChangeEventDecoder<>(
        (topic, bytes) -> bytes == null ? null : codec.decode(bytes, writer));
  }
}
