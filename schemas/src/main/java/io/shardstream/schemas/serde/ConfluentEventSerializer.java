package io.shardstream.schemas.serde;

import io.shardstream.schemas.registry.ConfluentRegistryClient;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistrar;
import io.shardstream.schemas.registry.SchemaRegistryException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes events of one schema (a generated event class's, or an entity's derived one) in the
 * Confluent wire format through the Confluent Schema Registry API: the schema's id under the
 * topic's subject ({@code <topic>-value}) is found once per topic, registered first (through {@link
 * SchemaRegistrar}, so the compatibility level is set too) in development mode.
 */
final class ConfluentEventSerializer<T extends GenericContainer> implements Serializer<T> {
  private final RegistrySettings settings;
  private final Schema schema;
  private final Function<T, byte[]> encoder;
  private final ConfluentRegistryClient client;
  private final SchemaRegistrar registrar;
  private final Map<String, Long> schemaIds = new ConcurrentHashMap<>();

  ConfluentEventSerializer(
      RegistrySettings settings,
      Schema schema,
      Function<T, byte[]> encoder,
      SchemaRegistrar registrar) {
    this.settings = settings;
    this.schema = schema;
    this.encoder = encoder;
    this.client = new ConfluentRegistryClient(settings);
    this.registrar = registrar;
  }

  /** Configured at construction: Kafka's client properties hold no registry settings. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public byte[] serialize(String topic, T event) {
    if (event == null) {
      return null;
    }
    long schemaId = schemaIds.computeIfAbsent(topic, this::schemaId);
    byte[] body;
    try {
      body = encoder.apply(event);
    } catch (RuntimeException e) {
      // Not the registry: the event itself cannot be written (a required field left null...).
      throw new SerializationException(
          "cannot write a " + schema.getName() + " to topic " + topic + ": " + e, e);
    }
    return WireFormat.frame(schemaId, body);
  }

  private long schemaId(String topic) {
    if (settings.autoRegister()) {
      return registrar.registerValueSchema(topic, schema).schemaId();
    }
    String subject = SchemaRegistrar.valueSubject(topic);
    return client
        .lookup(subject, schema.toString())
        .orElseThrow(
            () ->
                new SchemaRegistryException(
                    "the "
                        + schema.getName()
                        + " schema is not registered under subject "
                        + subject
                        + " in the schema registry at "
                        + settings.apiUrl()
                        + ": register it (Topics.registerSchemas) or let producers register it ("
                        + RegistrySettings.AUTO_REGISTER
                        + "=true)"))
        .id();
  }

  @Override
  public void close() {
    client.close();
  }
}
