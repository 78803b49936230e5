package io.shardstream.writer.stage;

import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.config.ParentRelation;
import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.writer.check.Rejection;
import io.shardstream.writer.dlq.RefusedRecord;
import io.shardstream.writer.event.EntityChange;
import io.shardstream.writer.event.ParentLink;
import io.shardstream.writer.event.SourceRecord;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.metrics.EventOutcome;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.sink.TableSinkStore;
import io.shardstream.writer.state.ChildClaims;
import io.shardstream.writer.state.EntityState;
import io.shardstream.writer.state.GateStores;
import io.shardstream.writer.state.VersionGate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An entity's stage, its own events (keyed by the unique id): decode → validate → version gate →
 * uniqueness → table write.
 *
 * <ul>
 *   <li>A child linked to its parent ({@link EntityLinks#linkedParent}) hands each accepted change
 *       to the parent's stage keyed by the parent id (a claim, or a release when it is deleted);
 *       the parent stage settles the event's outcome count, since a claim may still be refused
 *       there ({@code <parent>-deleted}). Every other outcome is counted here.
 *   <li>A parent keeps its linked children in {@code <token>-children}: its DELETE sends a cascade
 *       command for each child whose relation cascades.
 *   <li>A parent with co-located children cannot change its timestamp once live (the children's
 *       partition is computed from it): such an UPSERT is {@code invalid:<entity>.<ts>:immutable}.
 * </ul>
 */
final class EntityEventProcessor implements Processor<byte[], byte[], byte[], byte[]> {
  private final EntityDefinition entity;
  private final String token;
  private final EventIntake<GenericRecord, EntityChange> intake;
  private final EntityWrites writes;
  private final AppliedChanges changes;
  private final WriterMetrics metrics;
  private final Optional<ParentRelation> linkedParent;
  private final boolean ownedByParent;
  private final boolean timestampImmutable;
  private final List<EntityDefinition> linkedChildren;
  private ProcessorContext<byte[], byte[]> context;
  private StageOutputs outputs;
  private KeyValueStore<String, EntityState> states;
  private KeyValueStore<String, ChildClaims> children;
  private TableSinkStore sink;

  EntityEventProcessor(
      EntityDefinition entity,
      EventIntake<GenericRecord, EntityChange> intake,
      TableItems items,
      EntityLinks links,
      WriterMetrics metrics) {
    this.entity = entity;
    this.token = entity.token();
    this.intake = intake;
    this.writes = new EntityWrites(items, entity);
    this.changes = new AppliedChanges(items, entity);
    this.metrics = metrics;
    this.linkedParent = links.linkedParent(entity);
    this.ownedByParent = links.ownerRule(entity).isPresent();
    this.timestampImmutable = links.hasColocatedChildren(token);
    this.linkedChildren = links.linkedChildren(token);
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
    this.outputs = new StageOutputs(context, token);
    this.states = context.getStateStore(GateStores.states(token));
    this.children =
        linkedChildren.isEmpty() ? null : context.getStateStore(GateStores.children(token));
    this.sink = context.getStateStore(NodeNames.tableSink(token));
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    SourceRecord source = StageRecords.source(context, record);
    switch (intake.take(source, StageRecords.key(record.key()), record.timestamp())) {
      case EventIntake.ChangeOrDeadLetter.Refused<EntityChange> refused ->
          deadLetter(record, refused.deadLetter());
      case EventIntake.ChangeOrDeadLetter.Valid<EntityChange> valid -> {
        switch (valid.change()) {
          case EntityChange.Upsert upsert -> upsert(record, source, upsert);
          case EntityChange.Delete delete -> delete(record, source, delete);
        }
      }
    }
  }

  private void upsert(
      Record<byte[], byte[]> record, SourceRecord source, EntityChange.Upsert upsert) {
    EntityState state = states.get(upsert.id());
    VersionGate.Verdict verdict =
        VersionGate.judge(state == null ? null : state.version(), upsert.version());
    if (verdict != VersionGate.Verdict.NEWER) {
      ignore(state, source, verdict);
      return;
    }
    String parentId = upsert.parent().map(ParentLink::id).orElse(null);
    boolean live = state != null && state.live();
    if (live && ownedByParent && !Objects.equals(state.parentId(), parentId)) {
      rewriteCurrent(state, source);
      deadLetter(record, new RefusedRecord(source, ownedByOther(upsert, state), upsert.eventId()));
      return;
    }
    if (live
        && timestampImmutable
        && state.timestamp() != null
        && state.timestamp() != upsert.timestamp()) {
      rewriteCurrent(state, source);
      deadLetter(
          record, new RefusedRecord(source, timestampChanged(upsert, state), upsert.eventId()));
      return;
    }
    PrimaryKey key = upsert.keyed().key();
    if (live && state.hasKey() && !EntityWrites.key(state).equals(key)) {
      // The timestamp (shard) or the parent (partition) changed: the item moves, the old one goes.
      writes.delete(EntityWrites.key(state), sink, source.toString());
    }
    writes.put(upsert.keyed(), sink, source.toString());
    Long parentTimestamp =
        upsert
            .parent()
            .filter(parent -> parent.parentTimestamp().isPresent())
            .map(parent -> parent.parentTimestamp().getAsLong())
            .orElse(null);
    states.put(
        upsert.id(),
        new EntityState(
            upsert.version(),
            false,
            upsert.id(),
            upsert.timestamp(),
            parentId,
            parentTimestamp,
            // Only a child's stage writes the current state again (EntityWrites.current).
            linkedParent.isPresent() ? upsert.item() : null,
            changes.binding(upsert),
            key.hashKey(),
            key.rangeKey()));
    outputs.applied(changes.upsert(upsert, record.timestamp()), record.timestamp());
    if (linkedParent.isPresent() && parentId != null) {
      outputs.ownerChange(
          OwnerChange.claim(
              token,
              upsert.id(),
              parentId,
              upsert.version(),
              upsert.eventId(),
              source,
              parentTimestamp),
          record.timestamp(),
          record.headers());
    } else {
      count(EventOutcome.APPLIED);
    }
    if (!live && children != null) {
      removeMisplacedChildren(upsert, record.timestamp());
    }
  }

  private void delete(
      Record<byte[], byte[]> record, SourceRecord source, EntityChange.Delete delete) {
    EntityState state = states.get(delete.id());
    VersionGate.Verdict verdict =
        VersionGate.judge(state == null ? null : state.version(), delete.version());
    if (verdict != VersionGate.Verdict.NEWER) {
      ignore(state, source, verdict);
      return;
    }
    String origin = source.toString();
    Optional<PrimaryKey> eventKey = delete.key();
    Long eventTimestamp = delete.timestamp().isPresent() ? delete.timestamp().getAsLong() : null;
    List<PrimaryKey> keys = new ArrayList<>();
    eventKey.ifPresent(keys::add);
    if (state != null
        && state.hasKey()
        && (state.live() || keys.isEmpty())
        && !keys.contains(EntityWrites.key(state))) {
      // The item lives under the key of its last state (another shard, another partition).
      keys.add(EntityWrites.key(state));
    }
    if (keys.isEmpty()) {
      writes.deleteAnywhere(delete.id(), sink, origin);
    } else {
      keys.forEach(key -> writes.delete(key, sink, origin));
    }
    EntityState tombstone =
        EntityState.tombstone(delete.version(), delete.id(), state)
            .withKnownKey(
                eventTimestamp,
                eventKey.map(PrimaryKey::hashKey).orElse(null),
                eventKey.map(PrimaryKey::rangeKey).orElse(null));
    states.put(delete.id(), tombstone);
    PrimaryKey announced =
        eventKey.orElse(state != null && state.hasKey() ? EntityWrites.key(state) : null);
    Long timestamp =
        eventTimestamp != null ? eventTimestamp : state == null ? null : state.timestamp();
    outputs.applied(
        changes.delete(delete, state, announced, timestamp, record.timestamp()),
        record.timestamp());
    if (linkedParent.isPresent() && state != null && state.live() && state.parentId() != null) {
      // The parent's index loses the child; the parent stage counts the event.
      outputs.ownerChange(
          OwnerChange.release(
              token, delete.id(), state.parentId(), delete.version(), delete.eventId()),
          record.timestamp(),
          new RecordHeaders());
    } else {
      count(EventOutcome.APPLIED);
    }
    if (children != null) {
      cascade(delete.id(), record.timestamp());
    }
  }

  /** A parent DELETE: a cascade command per claimed child whose relation cascades. */
  private void cascade(String id, long timestamp) {
    ChildClaims claims = children.delete(id);
    if (claims == null) {
      return;
    }
    for (EntityDefinition child : linkedChildren) {
      if (!child.model().parent().orElseThrow().cascadeDelete()) {
        continue;
      }
      for (Map.Entry<String, ChildClaims.Claim> claim : claims.of(child.token()).entrySet()) {
        outputs.cascade(
            new CascadeCommand(
                child.token(),
                claim.getKey(),
                id,
                claim.getValue().version(),
                CascadeCommand.parentDeleted(token)),
            timestamp);
      }
    }
  }

  /**
   * A parent that becomes live: co-located children that came first carrying another parent
   * timestamp were written to a partition the parent is not in, so they are taken out again.
   */
  private void removeMisplacedChildren(EntityChange.Upsert upsert, long timestamp) {
    ChildClaims claims = children.get(upsert.id());
    if (claims == null) {
      return;
    }
    ChildClaims kept = claims;
    for (EntityDefinition child : linkedChildren) {
      if (!child.model().colocated()) {
        continue;
      }
      for (Map.Entry<String, ChildClaims.Claim> claim : claims.of(child.token()).entrySet()) {
        Long carried = claim.getValue().parentTimestamp();
        if (carried != null && carried != upsert.timestamp()) {
          outputs.cascade(
              new CascadeCommand(
                  child.token(),
                  claim.getKey(),
                  upsert.id(),
                  claim.getValue().version(),
                  CascadeCommand.PARENT_MISMATCH),
              timestamp);
          kept = kept.withoutClaim(child.token(), claim.getKey(), claim.getValue().version());
        }
      }
    }
    if (kept != claims) {
      if (kept.isEmpty()) {
        children.delete(upsert.id());
      } else {
        children.put(upsert.id(), kept);
      }
    }
  }

  private Rejection ownedByOther(EntityChange.Upsert upsert, EntityState state) {
    String parent = linkedParent.orElseThrow().entity();
    return Rejection.ownedByOther(
        token,
        parent,
        "'"
            + upsert.id()
            + "' is owned by "
            + parent
            + " '"
            + state.parentId()
            + "'; "
            + parent
            + " '"
            + upsert.parent().map(ParentLink::id).orElse(null)
            + "' can claim it once that claim is deleted");
  }

  private Rejection timestampChanged(EntityChange.Upsert upsert, EntityState state) {
    String property = entity.timestampProperty();
    return Rejection.invalid(
        token,
        property,
        "immutable",
        "'"
            + property
            + "' of "
            + token
            + " '"
            + upsert.id()
            + "' is "
            + state.timestamp()
            + " and cannot become "
            + upsert.timestamp()
            + ": its co-located children's partition is computed from it");
  }

  private void ignore(EntityState state, SourceRecord source, VersionGate.Verdict verdict) {
    rewriteCurrent(state, source);
    count(verdict == VersionGate.Verdict.STALE ? EventOutcome.STALE : EventOutcome.DUPLICATE);
  }

  /** A stage with a cascade input ends every record with the item's current state. */
  private void rewriteCurrent(EntityState state, SourceRecord source) {
    if (linkedParent.isPresent()) {
      writes.current(state, sink, source.toString());
    }
  }

  private void count(EventOutcome outcome) {
    sink.afterDurable(() -> metrics.event(token, outcome));
  }

  private void deadLetter(Record<byte[], byte[]> record, RefusedRecord deadLetter) {
    outputs.deadLetter(deadLetter, record.headers());
    String reason = deadLetter.rejection().reason();
    sink.afterDurable(() -> metrics.deadLetter(token, reason));
  }
}
