package io.shardstream.writer.event;

import io.shardstream.writer.item.KeyedItem;

/** An email change event that passed validation, with what the table needs. */
public sealed interface ValidEmailChange permits ValidEmailChange.Upsert, ValidEmailChange.Delete {
  String email();

  long version();

  String eventId();

  /** The address's whole new state (owner and creation time), keyed. */
  record Upsert(
      String email, long version, String eventId, String userId, long created, KeyedItem item)
      implements ValidEmailChange {}

  /** The address is deleted (its creation time, hence its shard, comes from the writer's state). */
  record Delete(String email, long version, String eventId) implements ValidEmailChange {}
}
