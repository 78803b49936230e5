package io.shardstream.schemas.serde;

/**
 * Why a record's value is not a change event. Each is a fault of the record itself, so the writer
 * dead-letters it (with {@link #code()} as the reason header) and goes on; a registry that cannot
 * be reached is not one of them, it is an exception.
 */
public enum DecodeFailure {
  /** No value at all: a Kafka tombstone. Change events never are null (DELETE is an event). */
  NULL_VALUE("null-value"),
  /** Not the Confluent wire format: too short, or the first byte is not the magic byte 0. */
  NOT_REGISTRY_FRAMED("not-registry-framed"),
  /** The schema id after the magic byte is not in the registry. */
  UNKNOWN_SCHEMA_ID("unknown-schema-id"),
  /** A valid event of another type, e.g. an email event on the users topic. */
  WRONG_EVENT_TYPE("wrong-event-type"),
  /** The Avro body does not match its schema (truncated, corrupt, trailing bytes, bad UUID...). */
  MALFORMED_AVRO("malformed-avro");

  private final String code;

  DecodeFailure(String code) {
    this.code = code;
  }

  /** Stable, header-friendly name of the failure. */
  public String code() {
    return code;
  }
}
