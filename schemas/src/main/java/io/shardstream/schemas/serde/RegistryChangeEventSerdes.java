package io.shardstream.schemas.serde;

import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistrar;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Serdes on the Apicurio registry serde (Confluent wire format). No I/O until first use. */
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
    return Serdes.serdeFrom(
        new RegistryEventSerializer<T>(
            settings, SpecificData.getForClass(eventType).getSchema(eventType), registrar),
        new RegistryEventDeserializer<>(settings, eventType));
  }
}
