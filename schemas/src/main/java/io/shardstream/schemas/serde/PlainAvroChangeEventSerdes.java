package io.shardstream.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** Plain Avro binary of the current schemas: no registry, no framing. */
final class PlainAvroChangeEventSerdes implements ChangeEventSerdes {

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
}
