package io.shardstream.schemas.registry;

/**
 * A serializer found no registered version of its event schema: the registry works, but nobody
 * registered the schema for this topic. The caller knows how its users register it and says so.
 */
public final class SchemaNotRegisteredException extends SchemaRegistryException {
  public SchemaNotRegisteredException(String message, Throwable cause) {
    super(message, cause);
  }
}
