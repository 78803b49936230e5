package io.shardstream.schemas.serde;

import java.util.Objects;

/** The outcome of decoding one record value: the event, or why the bytes are not one. */
public sealed interface DecodeResult<T> {

  /** A decoded event. */
  record Ok<T>(T event) implements DecodeResult<T> {
    public Ok {
      Objects.requireNonNull(event, "event");
    }
  }

  /** Bytes that are not an event of the expected type; {@code detail} is for people. */
  record Failed<T>(DecodeFailure failure, String detail) implements DecodeResult<T> {
    public Failed {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
