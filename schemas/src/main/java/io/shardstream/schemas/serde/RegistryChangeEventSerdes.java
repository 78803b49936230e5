package io.shardstream.schemas.serde;

import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistrar;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serdes through the schema registry in the Confluent wire format, speaking the API the settings
 * name: Apicurio's serde for its core API, shardstream's own for the Confluent API. No I/O until
 * first use.
 */
final class RegistryChangeEventSerdes implements ChangeEventSerdes {
  private final RegistrySettings settings;
  private final SchemaRegistrar registrar;

  RegistryChangeEventSerdes(RegistrySettings settings) {
    AvroClassTrust.trustEventClasses();
    this.settings = settings;
    // Only development serializers register; production ones never write to the registry.
    this.registrar = settings.autoRegister() ? new SchemaRegistrar(settings) : null;
  }

  @Override
  public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> eventType) {
    return Serdes.serdeFrom(serializer(eventType), deserializer(eventType));
  }

  private <T extends SpecificRecord> Serializer<T> serializer(Class<T> eventType) {
    return switch (settings.api()) {
      case APICURIO ->
          new RegistryEventSerializer<>(
              settings, SpecificData.getForClass(eventType).getSchema(eventType), registrar);
      case CONFLUENT -> {
        AvroBinaryCodec<T> codec = AvroBinaryCodec.of(eventType);
        yield new ConfluentEventSerializer<>(settings, codec.schema(), codec::encode, registrar);
      }
    };
  }

  @Override
  public Serializer<GenericRecord> genericSerializer(Schema schema) {
    return switch (settings.api()) {
      case APICURIO -> new RegistryEventSerializer<>(settings, schema, registrar);
      case CONFLUENT -> {
        GenericAvroEncoder encoder = new GenericAvroEncoder(schema);
        yield new ConfluentEventSerializer<>(settings, schema, encoder::encode, registrar);
      }
    };
  }

  private <T extends SpecificRecord> Deserializer<T> deserializer(Class<T> eventType) {
    return switch (settings.api()) {
      case APICURIO -> RegistryEventDeserializer.specific(settings, eventType);
      case CONFLUENT -> ConfluentEventDeserializer.specific(settings, eventType);
    };
  }

  @Override
  public ChangeEventDecoder<GenericRecord> genericDecoder(Schema eventSchema) {
    GenericEventCodec codec = new GenericEventCodec(eventSchema);
    return new ChangeEventDecoder<>(
        switch (settings.api()) {
          case APICURIO -> RegistryEventDeserializer.generic(settings, codec);
          case CONFLUENT -> ConfluentEventDeserializer.generic(settings, codec);
        });
  }
}
