package io.shardstream.schemas.registry;

/**
 * One schema version in the registry, in terms both registry APIs share.
 *
 * @param subject the Confluent subject, {@code <topic>-value}; in Apicurio the artifact id, in
 *     group {@value SchemaRegistrar#GROUP}
 * @param version the version of the schema under the subject
 * @param schemaId the id written after the magic byte in the Confluent wire format: the Confluent
 *     API's schema id, which is Apicurio's content id
 */
public record RegisteredSchema(String subject, String version, long schemaId) {}
