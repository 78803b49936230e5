package io.shardstream.writer.event;

import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.writer.item.KeyedItem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A change event of any entity that passed validation ({@link EntityEventValidator}), with what the
 * version gate and the table need. Uniqueness and the parent's liveness need state, so the stages
 * check them, not the validator.
 */
public sealed interface EntityChange permits EntityChange.Upsert, EntityChange.Delete {
  /** The entity's token. */
  String entity();

  /** The instance's unique id (the Kafka key). */
  String id();

  long version();

  String eventId();

  /**
   * The instance's whole new state.
   *
   * @param timestamp the entity's timestamp property (epoch ms; 0 when the entity is unsharded and
   *     the event does not carry it)
   * @param parent present when the entity declares a parent
   * @param item the validated state: declared attributes only, optional ones left out when absent,
   *     plain Java values (String, Long for integer and timestamp, Double, Boolean, ISO {@code
   *     yyyy-MM-dd} String for a date), in declared order
   * @param keyed {@code item} with its derived properties and generated keys, as table attributes
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
      implements EntityChange {
    public Upsert {
      item = Collections.unmodifiableMap(new LinkedHashMap<>(item));
    }
  }

  /**
   * The instance is deleted.
   *
   * @param timestamp the timestamp property, when the key record carries it
   * @param parent a co-located child's parent (always carried: it is the child's partition); empty
   *     for other entities, whose key record does not name the parent
   * @param key the table key, when the event alone gives it (the timestamp, or a co-located child's
   *     parent, is carried); otherwise the writer takes it from its state or clears every candidate
   *     key
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
