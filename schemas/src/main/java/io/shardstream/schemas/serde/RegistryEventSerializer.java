package io.shardstream.schemas.serde;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.shardstream.schemas.registry.RegistryFailures;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaNotRegisteredException;
import io.shardstream.schemas.registry.SchemaRegistrar;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Apicurio's Avro serializer, plus registration on first use per topic in development mode (through
 * {@link SchemaRegistrar}, so the compatibility rule is set too) and registry errors that say what
 * to do.
 */
final class RegistryEventSerializer<T extends GenericContainer> implements Serializer<T> {
  private final AvroKafkaSerializer<T> apicurio = new AvroKafkaSerializer<>();
  private final RegistrySettings settings;
  private final Schema schema;
  private final SchemaRegistrar registrar;
  private final Set<String> registeredTopics = ConcurrentHashMap.newKeySet();

  RegistryEventSerializer(RegistrySettings settings, Schema schema, SchemaRegistrar registrar) {
    this.settings = settings;
    this.schema = schema;
    this.registrar = registrar;
    apicurio.configure(ApicurioSerdeConfig.of(settings), false);
  }

  /** Configured at construction: Kafka's client properties hold no registry settings. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public byte[] serialize(String topic, T event) {
    if (event == null) {
      return null;
    }
    if (settings.autoRegister() && !registeredTopics.contains(topic)) {
      registrar.registerValueSchema(topic, schema);
      registeredTopics.add(topic);
    }
    try {
      return apicurio.serialize(topic, event);
    } catch (RuntimeException e) {
      throw explain(e, topic);
    }
  }

  private RuntimeException explain(RuntimeException failure, String topic) {
    String artifact = SchemaRegistrar.GROUP + "/" + SchemaRegistrar.valueSubject(topic);
    if (isNotRegistered(failure)) {
      return new SchemaNotRegisteredException(
          "the "
              + schema.getName()
              + " schema is not a registered version of artifact "
              + artifact
              + " in the schema registry at "
              + settings.apiUrl(),
          failure);
    }
    if (RegistryFailures.isUnavailable(failure) || RegistryFailures.status(failure) != -1) {
      return RegistryFailures.describe(
          failure,
          "looking up the "
              + schema.getName()
              + " schema of topic "
              + topic
              + " (artifact "
              + artifact
              + ")",
          settings.apiUrl());
    }
    // Not the registry: the event itself cannot be written (a required field left null...).
    return new SerializationException(
        "cannot write a " + schema.getName() + " to topic " + topic + ": " + failure, failure);
  }

  /** Apicurio says so only in words: its search by content found no version. */
  private static boolean isNotRegistered(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage())
          .startsWith("Could not resolve artifact reference by content")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    apicurio.close();
  }
}
