package io.shardstream.writer.stage;

import io.shardstream.core.config.EntityDefinition;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.sink.TableSinkStore;
import io.shardstream.writer.state.EntityState;
import io.shardstream.writer.state.GateStores;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A child's stage, cascade commands from its parent's stage (keyed by the child's id): deletes the
 * child when it still references the named parent at a version no newer than the command's bound.
 * The child keeps its version in the tombstone, so its own older events stay stale, and a newer
 * event re-creates it. Cascades are not input events and are counted apart; a cascade delete is an
 * applied change like any other on the change feed.
 */
final class CascadeProcessor implements Processor<String, CascadeCommand, byte[], byte[]> {
  private final String token;
  private final EntityWrites writes;
  private final AppliedChanges changes;
  private final WriterMetrics metrics;
  private ProcessorContext<byte[], byte[]> context;
  private StageOutputs outputs;
  private KeyValueStore<String, EntityState> states;
  private TableSinkStore sink;

  CascadeProcessor(EntityDefinition entity, TableItems items, WriterMetrics metrics) {
    this.token = entity.token();
    this.writes = new EntityWrites(items, entity);
    this.changes = new AppliedChanges(items, entity);
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
    this.outputs = new StageOutputs(context, token);
    this.states = context.getStateStore(GateStores.states(token));
    this.sink = context.getStateStore(NodeNames.tableSink(token));
  }

  @Override
  public void process(Record<String, CascadeCommand> record) {
    CascadeCommand command = record.value();
    String origin = context.recordMetadata().map(StageRecords::describe).orElse("cascade");
    EntityState state = states.get(command.id());
    if (state != null
        && state.ownedBy(command.parentId())
        && state.version() <= command.upToVersion()) {
      EntityState deleted = state.asDeleted();
      states.put(command.id(), deleted);
      writes.deleteItem(deleted, sink, origin);
      String cause = command.cause();
      outputs.applied(
          changes.cascadeDelete(deleted, cause, record.timestamp()), record.timestamp());
      sink.afterDurable(() -> metrics.cascadeDelete(cause));
    } else {
      // Another parent or a newer claim holds the child now: leave it (see EntityWrites#current).
      writes.current(state, sink, origin);
    }
  }
}
