package io.shardstream.schemas.registry;

/**
 * One schema version in the registry.
 *
 * @param contentId the id written after the magic byte in the Confluent wire format (the
 *     Confluent-compatible API calls it the schema id)
 */
public record RegisteredSchema(
    String groupId, String artifactId, String version, long globalId, long contentId) {}
