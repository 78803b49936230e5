package io.shardstream.schemas.serde;

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

  public DecodeFailure failure() {
    return failure;
  }
}
