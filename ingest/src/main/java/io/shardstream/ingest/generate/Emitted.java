package io.shardstream.ingest.generate;

import io.shardstream.ingest.ChangeRecord;

/** An event before it gets its place in the stream. */
record Emitted(ChangeRecord record, EventKind kind, InvalidKind invalidKind) {

  static Emitted of(ChangeRecord record, EventKind kind) {
    return new Emitted(record, kind, null);
  }

  static Emitted invalid(ChangeRecord record, InvalidKind kind) {
    return new Emitted(record, EventKind.INVALID, kind);
  }
}
