package io.shardstream.writer.stage;

import io.shardstream.writer.event.SourceRecord;
import java.util.Objects;

/**
 * Child stage → parent stage (keyed by the parent's id): a child the child stage accepted for a
 * parent ({@code CLAIM}) or that the parent no longer has because the child was deleted ({@code
 * RELEASE}). Both carry the outcome count of their input event, which the parent stage settles.
 *
 * @param entity the child's entity
 * @param id the child's unique id
 * @param version the version of the child's event
 * @param source the child event's record, so that the parent stage can dead-letter a claim ({@code
 *     <parent>-deleted}); null for a release
 * @param parentTimestamp the parent timestamp a co-located child carried (its partition); null
 *     otherwise
 */
public record OwnerChange(
    Kind kind,
    String entity,
    String id,
    String parentId,
    long version,
    String eventId,
    SourceRecord source,
    Long parentTimestamp) {

  public enum Kind {
    CLAIM,
    RELEASE
  }

  public OwnerChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(parentId, "parentId");
  }

  public static OwnerChange claim(
      String entity,
      String id,
      String parentId,
      long version,
      String eventId,
      SourceRecord source,
      Long parentTimestamp) {
    return new OwnerChange(
        Kind.CLAIM,
        entity,
        id,
        parentId,
        version,
        eventId,
        Objects.requireNonNull(source, "source"),
        parentTimestamp);
  }

  public static OwnerChange release(
      String entity, String id, String parentId, long version, String eventId) {
    return new OwnerChange(Kind.RELEASE, entity, id, parentId, version, eventId, null, null);
  }
}
