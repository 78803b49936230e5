package io.shardstream.schemas.serde;

import io.apicurio.registry.serde.Default4ByteIdHandler;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.IdOption;
import io.apicurio.registry.serde.kafka.config.KafkaSerdeConfig;
import io.apicurio.registry.serde.strategy.TopicIdStrategy;
import io.shardstream.schemas.registry.RegistrySettings;
import java.util.Map;

/**
 * The configuration of Apicurio's {@code AvroKafkaSerializer} / {@code AvroKafkaDeserializer}
 * (3.1.x) for shardstream. Most entries restate 3.1 defaults on purpose: they are the wire contract
 * with other readers, so a change of default in the library must not change our bytes.
 */
final class ApicurioSerdeConfig {
  private ApicurioSerdeConfig() {}

  /** For serializers and for deserializers into the generated classes. */
  static Map<String, Object> of(RegistrySettings settings) {
    return of(settings, true);
  }

  /**
   * @param specificReader read into the generated classes (the writer schema resolved against the
   *     class's schema); false: generic records with the writer schema
   */
  static Map<String, Object> of(RegistrySettings settings, boolean specificReader) {
    return Map.ofEntries(
        Map.entry(AvroSerdeConfig.REGISTRY_URL, settings.apiUrl().toString()),
        // Confluent wire format: magic byte 0, then a 4-byte id, then Avro binary; no id headers.
        Map.entry(AvroSerdeConfig.ID_HANDLER, Default4ByteIdHandler.class.getName()),
        Map.entry(KafkaSerdeConfig.ENABLE_HEADERS, false),
        // The id is the content id: what the registry's Confluent-compatible API calls the schema
        // id, so Confluent deserializers pointed at /apis/ccompat/v7 read our records too.
        Map.entry(AvroSerdeConfig.USE_ID, IdOption.contentId.name()),
        Map.entry(AvroSerdeConfig.AVRO_ENCODING, AvroSerdeConfig.AVRO_ENCODING_BINARY),
        // Artifact "<topic>-value" in the default group: the Confluent subject of the topic.
        Map.entry(AvroSerdeConfig.ARTIFACT_RESOLVER_STRATEGY, TopicIdStrategy.class.getName()),
        // Whole schemas, not one artifact per nested record with references between them (the
        // 3.1 default): self-contained like Confluent's, and the content SchemaRegistrar registers.
        Map.entry(AvroSerdeConfig.DEREFERENCE_SCHEMA, true),
        // Registration goes through SchemaRegistrar, which also sets the compatibility rule; the
        // serializer only finds the registered version by its content.
        Map.entry(AvroSerdeConfig.AUTO_REGISTER_ARTIFACT, false),
        // Read into the generated classes (the writer schema resolved against the class's schema)
        // or, for derived schemas that have no class, into generic records.
        Map.entry(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, specificReader));
  }
}
