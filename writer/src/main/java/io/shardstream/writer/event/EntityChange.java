package io.shardstream.writer.event;

import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.writer.item.KeyedItem;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A validated change of any entity (replaces ValidUserChange / ValidEmailChange). */
public sealed interface EntityChange {
  String entity();

  String id();

  long version();

  String eventId();

  /**
   * @param timestamp the entity's timestampProperty value (0 when unsharded and absent)
   * @param parent present when the entity declares a parent
   * @param item the validated state, declared attributes only (plain Java values)
   */
  record Upsert(
      String entity,
      String id,
      long version,
      String eventId,
      long timestamp,
      Optional<ParentLink> parent,
      Map<String, Object> item,
      KeyedItem keyed)
      implements EntityChange {}

  /**
   * @param timestamp when the key record carries it
   * @param parent co-located children: always (their partition)
   * @param key when computable from the event
   */
  record Delete(
      String entity,
      String id,
      long version,
      String eventId,
      OptionalLong timestamp,
      Optional<ParentLink> parent,
      Optional<PrimaryKey> key)
      implements EntityChange {}
}
