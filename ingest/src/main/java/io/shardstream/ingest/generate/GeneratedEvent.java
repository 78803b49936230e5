package io.shardstream.ingest.generate;

import io.shardstream.ingest.ChangeRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of a generated stream, with what the generator meant by it: tests and the demo compare
 * the writer's counts (applied, duplicate, stale, dead-lettered) with these.
 *
 * @param sequence the event's position in the stream, from 0
 * @param invalidKind why a User/Email event is invalid; null unless {@code kind} is {@link
 *     EventKind#INVALID}
 * @param deadLetterReason for an invalid event of another model, the reason the writer gives,
 *     {@code invalid:<entity>.<property>:<rule>}; null otherwise
 */
public record GeneratedEvent(
    long sequence,
    ChangeRecord record,
    EventKind kind,
    InvalidKind invalidKind,
    String deadLetterReason) {

  public GeneratedEvent {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(kind, "kind");
    if ((kind == EventKind.INVALID) != (invalidKind != null || deadLetterReason != null)) {
      throw new IllegalArgumentException(
          "an invalid kind or reason goes with kind INVALID, and only with it");
    }
  }

  /** A User/Email event. */
  public GeneratedEvent(
      long sequence, ChangeRecord record, EventKind kind, InvalidKind invalidKind) {
    this(sequence, record, kind, invalidKind, null);
  }

  /** Whether the writer should accept the event (apply it, or count it a duplicate or stale). */
  public boolean expectedValid() {
    return kind != EventKind.INVALID;
  }

  public ExpectedOutcome expectedOutcome() {
    return kind.outcome();
  }

  public Optional<InvalidKind> invalid() {
    return Optional.ofNullable(invalidKind);
  }

  /** A short note for people reading a generated file; null for plain creates, updates, deletes. */
  public String note() {
    return switch (kind) {
      case CREATE, UPDATE, DELETE -> null;
      case DUPLICATE -> "duplicate";
      case OUT_OF_ORDER -> "out-of-order";
      case INVALID -> "invalid: " + (invalidKind != null ? invalidKind.label() : deadLetterReason);
    };
  }
}
