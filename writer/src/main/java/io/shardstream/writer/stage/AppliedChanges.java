package io.shardstream.writer.stage;

import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.config.ParentRelation;
import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.schemas.changes.AppliedChange;
import io.shardstream.writer.event.EntityChange;
import io.shardstream.writer.event.ParentLink;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.state.EntityState;
import java.util.Optional;

/**
 * The change-feed records of one entity's stage, one per change the table receives: made only where
 * a processor applies a change (never for stale, duplicate or refused events, nor for the rewrites
 * of an unchanged state that {@link EntityWrites#current} makes), and forwarded next to the table
 * write so that both belong to the same transaction.
 */
final class AppliedChanges {
  private final EntityDefinition entity;
  private final String parentEntity;
  private final Optional<String> bindingProperty;
  private final String configVersion;

  AppliedChanges(TableItems items, EntityDefinition entity) {
    this.entity = entity;
    this.parentEntity = entity.model().parent().map(ParentRelation::entity).orElse(null);
    // The key-binding property, when this entity declares it (children are bound by their parent).
    this.bindingProperty =
        items
            .config()
            .keyBindingProperty()
            .filter(property -> entity.model().attributes().containsKey(property));
    this.configVersion = items.config().version();
  }

  /** The binding value of an instance's validated state, when the entity has one. */
  String binding(EntityChange.Upsert upsert) {
    return bindingProperty
        .map(property -> upsert.item().get(property))
        .map(String::valueOf)
        .orElse(null);
  }

  AppliedChange upsert(EntityChange.Upsert upsert, long eventTime) {
    return change(
        upsert.id(),
        AppliedChange.UPSERT,
        upsert.version(),
        upsert.parent().map(ParentLink::id).orElse(null),
        binding(upsert),
        upsert.timestamp(),
        upsert.keyed().key(),
        AppliedChange.EVENT,
        upsert.eventId(),
        eventTime);
  }

  /**
   * An instance deleted by its own event; {@code previous} is what the stage knew of it (null:
   * never seen); the key and timestamp are the event's when it carries them, else the state's.
   */
  AppliedChange delete(
      EntityChange.Delete delete,
      EntityState previous,
      PrimaryKey key,
      Long timestamp,
      long eventTime) {
    String parentId =
        previous != null && previous.parentId() != null
            ? previous.parentId()
            : delete.parent().map(ParentLink::id).orElse(null);
    return change(
        delete.id(),
        AppliedChange.DELETE,
        delete.version(),
        parentId,
        previous == null ? null : previous.binding(),
        timestamp,
        key,
        AppliedChange.EVENT,
        delete.eventId(),
        eventTime);
  }

  /** An instance a cascade deleted ({@code cause}: the cascade's, e.g. user-deleted). */
  AppliedChange cascadeDelete(EntityState deleted, String cause, long eventTime) {
    return change(
        deleted.id(),
        AppliedChange.DELETE,
        deleted.version(),
        deleted.parentId(),
        deleted.binding(),
        deleted.timestamp(),
        deleted.hasKey() ? EntityWrites.key(deleted) : null,
        cause,
        null,
        eventTime);
  }

  private AppliedChange change(
      String id,
      String op,
      long version,
      String parentId,
      String binding,
      Long timestamp,
      PrimaryKey key,
      String cause,
      String eventId,
      long eventTime) {
    return new AppliedChange(
        entity.token(),
        id,
        op,
        version,
        parentEntity,
        parentId,
        binding,
        timestamp,
        key == null ? null : key.hashKey(),
        key == null ? null : key.rangeKey(),
        cause,
        eventId,
        eventTime,
        configVersion);
  }
}
