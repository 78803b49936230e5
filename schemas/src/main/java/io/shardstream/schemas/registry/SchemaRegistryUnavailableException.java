package io.shardstream.schemas.registry;

/**
 * The registry could not be reached or answered with a server error. Nothing is wrong with the
 * event at hand, so callers must retry or stop, never dead-letter it.
 */
public class SchemaRegistryUnavailableException extends SchemaRegistryException {
  public SchemaRegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
