package io.shardstream.writer.stage;

import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.config.ParentRelation;
import io.shardstream.writer.check.Rejection;
import io.shardstream.writer.dlq.RefusedRecord;
import io.shardstream.writer.metrics.EventOutcome;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.sink.TableSinkStore;
import io.shardstream.writer.state.ChildClaims;
import io.shardstream.writer.state.EntityState;
import io.shardstream.writer.state.GateStores;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A parent's stage, owner changes of one child entity (keyed by the parent's id): keeps the {@code
 * <parent>-children} index the cascade reads, and settles the outcome count of the child events
 * behind them.
 *
 * <p>A claim for a parent that is deleted (a tombstone) is refused when the relation cascades: the
 * event is dead-lettered with {@code <parent>-deleted} and a cascade command takes the child back
 * out of the table (a child of a relation without {@code cascadeDelete} outlives its parent, so its
 * claims are kept). A claim for a parent never seen is accepted: parents and children travel on
 * separate topics, so a child may arrive first; if that parent is later deleted, the cascade
 * removes it. A co-located child whose carried parent timestamp is not the live parent's was
 * written to a partition the parent is not in: a cascade command ({@code parent-mismatch}) takes it
 * out again.
 */
final class OwnershipProcessor implements Processor<String, OwnerChange, byte[], byte[]> {
  private final String parent;
  private final String child;
  private final boolean colocated;
  private final boolean cascades;
  private final WriterMetrics metrics;
  private StageOutputs outputs;
  private KeyValueStore<String, EntityState> parents;
  private KeyValueStore<String, ChildClaims> children;
  private TableSinkStore sink;

  OwnershipProcessor(EntityDefinition parent, EntityDefinition child, WriterMetrics metrics) {
    this.parent = parent.token();
    this.child = child.token();
    this.colocated = child.model().colocated();
    this.cascades = child.model().parent().map(ParentRelation::cascadeDelete).orElse(false);
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.outputs = new StageOutputs(context, parent);
    this.parents = context.getStateStore(GateStores.states(parent));
    this.children = context.getStateStore(GateStores.children(parent));
    // The parent stage's sink: its commit hook also settles these counts.
    this.sink = context.getStateStore(NodeNames.tableSink(parent));
  }

  @Override
  public void process(Record<String, OwnerChange> record) {
    OwnerChange change = record.value();
    switch (change.kind()) {
      case CLAIM -> claim(record, change);
      case RELEASE -> release(change);
    }
  }

  private void claim(Record<String, OwnerChange> record, OwnerChange change) {
    EntityState owner = parents.get(change.parentId());
    if (owner != null && owner.deleted() && cascades) {
      RefusedRecord deadLetter =
          new RefusedRecord(
              change.source(),
              Rejection.parentDeleted(
                  parent,
                  parent
                      + " '"
                      + change.parentId()
                      + "' is deleted (version "
                      + owner.version()
                      + "), so it cannot claim "
                      + child
                      + " '"
                      + change.id()
                      + "'; the "
                      + child
                      + " is removed again"),
              change.eventId());
      // The claim record carries the child event's own headers.
      outputs.deadLetter(deadLetter, record.headers());
      outputs.cascade(command(change, CascadeCommand.CLAIM_REJECTED), record.timestamp());
      String reason = deadLetter.rejection().reason();
      sink.afterDurable(() -> metrics.deadLetter(child, reason));
      return;
    }
    if (colocated
        && owner != null
        && change.parentTimestamp() != null
        && owner.timestamp() != null
        && !owner.timestamp().equals(change.parentTimestamp())) {
      outputs.cascade(command(change, CascadeCommand.PARENT_MISMATCH), record.timestamp());
      count();
      return;
    }
    ChildClaims claims = children.get(change.parentId());
    children.put(
        change.parentId(),
        (claims == null ? ChildClaims.NONE : claims)
            .withClaim(child, change.id(), change.version(), change.parentTimestamp()));
    count();
  }

  private void release(OwnerChange change) {
    ChildClaims claims = children.get(change.parentId());
    if (claims != null) {
      ChildClaims remaining = claims.withoutClaim(child, change.id(), change.version());
      if (remaining.isEmpty()) {
        children.delete(change.parentId());
      } else if (remaining != claims) {
        children.put(change.parentId(), remaining);
      }
    }
    count();
  }

  private CascadeCommand command(OwnerChange change, String cause) {
    return new CascadeCommand(child, change.id(), change.parentId(), change.version(), cause);
  }

  private void count() {
    sink.afterDurable(() -> metrics.event(child, EventOutcome.APPLIED));
  }
}
