package io.shardstream.ingest.file;

import io.shardstream.ingest.ChangeRecord;
import java.util.Objects;

/**
 * What one line of a JSON lines file holds: an event, nothing, or something that is not an event.
 */
public sealed interface ParsedLine {

  /** A line holding only white space: skipped, not an error. */
  ParsedLine BLANK = new Blank();

  record Event(ChangeRecord record) implements ParsedLine {
    public Event {
      Objects.requireNonNull(record, "record");
    }
  }

  record Blank() implements ParsedLine {}

  /** Not an event; {@code reason} names the field and the rule broken, for people. */
  record Invalid(String reason) implements ParsedLine {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
