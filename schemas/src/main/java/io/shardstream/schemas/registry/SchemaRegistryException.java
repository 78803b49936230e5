package io.shardstream.schemas.registry;

/** The schema registry refused or failed a request; the message says which and why. */
public class SchemaRegistryException extends RuntimeException {
  public SchemaRegistryException(String message) {
    super(message);
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
