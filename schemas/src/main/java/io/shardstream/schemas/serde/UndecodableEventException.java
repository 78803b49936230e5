package io.shardstream.schemas.serde;

import java.net.URI;
import org.apache.kafka.common.errors.SerializationException;

/** Thrown by the event deserializers for bytes that are not an event; carries the reason. */
public class UndecodableEventException extends SerializationException {
  private final DecodeFailure failure;

  public UndecodableEventException(DecodeFailure failure, String message) {
    this(failure, message, null);
  }

  public UndecodableEventException(DecodeFailure failure, String message, Throwable cause) {
    super(failure.code() + ": " + message, cause);
    this.failure = failure;
  }

  /** A record whose schema id names something other than the event {@code type}. */
  static UndecodableEventException wrongEventType(
      String expected, int schemaId, String whatTheIdNames, Throwable cause) {
    return new UndecodableEventException(
        DecodeFailure.WRONG_EVENT_TYPE,
        "expected a " + expected + " but schema id " + schemaId + " " + whatTheIdNames,
        cause);
  }

  /** A record whose schema id the registry does not know. */
  static UndecodableEventException unknownSchemaId(int schemaId, URI registry, Throwable cause) {
    return new UndecodableEventException(
        DecodeFailure.UNKNOWN_SCHEMA_ID,
        "schema id " + schemaId + " is not in the schema registry at " + registry,
        cause);
  }

  public DecodeFailure failure() {
    return failure;
  }
}
