package io.shardstream.writer.replay;

import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.writer.check.Checked;
import io.shardstream.writer.event.EntityChange;
import io.shardstream.writer.event.EntityEventValidator;
import io.shardstream.writer.event.ParentLink;
import io.shardstream.writer.item.KeyedItem;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.stage.EntityLinks;
import io.shardstream.writer.state.VersionGate;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.avro.generic.GenericRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table the writer's rules produce from a sequence of change events of every entity of the
 * configuration, computed in one thread, one event at a time, without Kafka Streams, stores,
 * internal topics or the sink: what a replay's table is checked against ({@link ReplayService}).
 *
 * <p>Production code checking production code, so it is built from the writer's own rules wherever
 * they are pure: validation ({@link EntityEventValidator}), items and keys ({@link TableItems}
 * under the replay's configuration), version order ({@link VersionGate}) and the meaning of the
 * relations ({@link EntityLinks}). Only what the topology spreads over state stores and internal
 * topics is folded here directly:
 *
 * <ul>
 *   <li>per (entity, id) the newest version wins; equal or older versions change nothing; a DELETE
 *       leaves a tombstone so an older UPSERT cannot resurrect the item;
 *   <li>an instance whose unique value its parent owns (User/Email: an address) and that is live
 *       under another parent is refused;
 *   <li>a parent with co-located children keeps its timestamp once live (an UPSERT changing it is
 *       refused);
 *   <li>a child claimed for a deleted parent is deleted again (the writer's {@code
 *       <parent>-deleted} dead letter plus cascade), and so is a co-located child carrying another
 *       parent timestamp than its live parent's ({@code parent-mismatch}), also when the parent
 *       comes after it;
 *   <li>deleting a parent deletes every child whose relation cascades, at once.
 * </ul>
 *
 * <p>It is not the tests' oracle: that is {@code ReferenceModel} in the writer's tests, the one
 * model written independently of this code, so a wrong rule here or in the writer cannot be
 * confirmed by itself; {@code ProjectionTest} checks this projection against it.
 *
 * <p>Events that race across topics (an address freed by a cascade and claimed by another user at
 * about the same time) may be decided in another order by the writer; such events are rare and show
 * up as differences to look at, not as silent agreement.
 */
public final class Projection {
  /**
   * One instance's last state.
   *
   * @param parent the parent it named last (kept by tombstones: a release needs it)
   * @param item null once deleted
   */
  private record Entry(long version, long timestamp, Optional<ParentLink> parent, KeyedItem item) {
    boolean deleted() {
      return item == null;
    }

    Entry removed() {
      return new Entry(version, timestamp, parent, null);
    }
  }

  private final EntityLinks links;
  private final Map<String, EntityEventValidator> validators = new LinkedHashMap<>();
  private final Map<String, Map<String, Entry>> states = new HashMap<>();
  private long applied;
  private long ignored;

  /**
   * @throws IllegalArgumentException an entity declares no attributes, or a relation the writer
   *     cannot enforce (as at the writer's start)
   */
  public Projection(TableItems items, Duration futureSkew) {
    this.links = new EntityLinks(items.config());
    for (EntityDefinition entity : links.entities()) {
      validators.put(entity.token(), new EntityEventValidator(entity, items, futureSkew));
      states.put(entity.token(), new HashMap<>());
    }
  }

  /**
   * Applies a decoded event of {@code entity} with its record key and record timestamp.
   *
   * @throws IllegalArgumentException no such entity in the configuration
   */
  public void event(String entity, String recordKey, GenericRecord event, long recordTimestamp) {
    EntityEventValidator validator = validators.get(entity);
    if (validator == null) {
      throw new IllegalArgumentException("no entity '" + entity + "' in the configuration");
    }
    switch (validator.check(recordKey, event, recordTimestamp)) {
      case Checked.Rejected<EntityChange> rejected -> ignored++;
      case Checked.Ok<EntityChange> ok -> apply(ok.value());
    }
  }

  /** An event that could not be decoded: it changes nothing. */
  public void undecodable() {
    ignored++;
  }

  /** Events that changed the projection. */
  public long applied() {
    return applied;
  }

  /** Events that were invalid, undecodable, stale, duplicates or refused. */
  public long ignored() {
    return ignored;
  }

  /** Every live item of every entity, by table key, as the table should hold it. */
  public Map<PrimaryKey, Map<String, AttributeValue>> items() {
    Map<PrimaryKey, Map<String, AttributeValue>> items = new HashMap<>();
    states.values().stream()
        .flatMap(byId -> byId.values().stream())
        .filter(entry -> !entry.deleted())
        .forEach(entry -> items.put(entry.item().key(), entry.item().attributes()));
    return items;
  }

  private void apply(EntityChange change) {
    Map<String, Entry> byId = states.get(change.entity());
    Entry current = byId.get(change.id());
    if (VersionGate.judge(current == null ? null : current.version(), change.version())
        != VersionGate.Verdict.NEWER) {
      ignored++;
      return;
    }
    switch (change) {
      case EntityChange.Upsert upsert -> upsert(upsert, current, byId);
      case EntityChange.Delete delete -> {
        applied++;
        Optional<ParentLink> parent =
            current == null ? delete.parent() : current.parent().or(delete::parent);
        long timestamp = current == null ? delete.timestamp().orElse(0L) : current.timestamp();
        byId.put(delete.id(), new Entry(delete.version(), timestamp, parent, null));
        cascade(delete.entity(), delete.id());
      }
    }
  }

  private void upsert(EntityChange.Upsert upsert, Entry current, Map<String, Entry> byId) {
    EntityDefinition entity = links.entity(upsert.entity());
    boolean live = current != null && !current.deleted();
    if (live
        && links.ownerRule(entity).isPresent()
        && !current.parent().map(ParentLink::id).equals(upsert.parent().map(ParentLink::id))) {
      ignored++; // <entity>-owned-by-other-<parent>
      return;
    }
    if (live
        && links.hasColocatedChildren(entity.token())
        && current.timestamp() != upsert.timestamp()) {
      ignored++; // invalid:<entity>.<timestamp>:immutable
      return;
    }
    applied++;
    Entry entry = new Entry(upsert.version(), upsert.timestamp(), upsert.parent(), upsert.keyed());
    if (links.linkedParent(entity).isPresent() && !claimHolds(entity, upsert.parent().get())) {
      entry = entry.removed();
    }
    byId.put(upsert.id(), entry);
    removeMisplacedChildren(entity.token(), upsert.id(), upsert.timestamp());
  }

  /**
   * Whether a child's claim on its parent stands: not for a deleted or differently timed parent.
   */
  private boolean claimHolds(EntityDefinition child, ParentLink link) {
    Entry parent = states.get(link.entity()).get(link.id());
    if (parent == null) {
      return true; // a parent never seen: the child may come first
    }
    if (parent.deleted()) {
      return false; // <parent>-deleted
    }
    return !child.model().colocated() || timestampMatches(link.parentTimestamp(), parent);
  }

  private static boolean timestampMatches(OptionalLong carried, Entry parent) {
    return carried.isEmpty() || carried.getAsLong() == parent.timestamp();
  }

  /** A parent's DELETE removes every live child whose relation cascades. */
  private void cascade(String parent, String parentId) {
    for (EntityDefinition child : links.linkedChildren(parent)) {
      if (!child.model().parent().orElseThrow().cascadeDelete()) {
        continue;
      }
      states
          .get(child.token())
          .replaceAll((id, entry) -> childOf(entry, parentId) ? entry.removed() : entry);
    }
  }

  /** Co-located children that came first under another parent timestamp are taken out. */
  private void removeMisplacedChildren(String parent, String parentId, long parentTimestamp) {
    for (EntityDefinition child : links.linkedChildren(parent)) {
      if (!child.model().colocated()) {
        continue;
      }
      states
          .get(child.token())
          .replaceAll(
              (id, entry) ->
                  childOf(entry, parentId)
                          && entry.parent().get().parentTimestamp().isPresent()
                          && entry.parent().get().parentTimestamp().getAsLong() != parentTimestamp
                      ? entry.removed()
                      : entry);
    }
  }

  private static boolean childOf(Entry entry, String parentId) {
    return !entry.deleted() && entry.parent().map(link -> link.id().equals(parentId)).orElse(false);
  }
}
