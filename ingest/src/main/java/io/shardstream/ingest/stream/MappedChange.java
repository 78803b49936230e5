package io.shardstream.ingest.stream;

import io.shardstream.ingest.ChangeRecord;
import java.util.Objects;

/** What one stream record becomes: a change event, or a reason why it cannot be one. */
public sealed interface MappedChange {

  record Event(ChangeRecord record) implements MappedChange {
    public Event {
      Objects.requireNonNull(record, "record");
    }
  }

  /**
   * Not an event: {@code reason} names the record (table, operation, sequence number, key) and the
   * rule broken, for the log and the counters.
   */
  record Rejected(String reason) implements MappedChange {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
