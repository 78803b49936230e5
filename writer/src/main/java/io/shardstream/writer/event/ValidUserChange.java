package io.shardstream.writer.event;

import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.writer.item.KeyedItem;

/** A user change event that passed validation, with what the table needs. */
public sealed interface ValidUserChange permits ValidUserChange.Upsert, ValidUserChange.Delete {
  String userId();

  long version();

  String eventId();

  /** The user's whole new state, keyed. */
  record Upsert(String userId, long version, String eventId, long created, KeyedItem item)
      implements ValidUserChange {}

  /** The user is deleted; {@code key} is the table key its key fields give. */
  record Delete(String userId, long version, String eventId, long created, PrimaryKey key)
      implements ValidUserChange {}
}
