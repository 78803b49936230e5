package io.shardstream.writer.stage;

import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.sink.TableSinkStore;
import io.shardstream.writer.sink.TableSinkStoreBuilder;
import io.shardstream.writer.state.EmailState;
import io.shardstream.writer.state.GateStores;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Email stage, cascade commands from the user stage (keyed by address): deletes the address when
 * the named user still owns it at a version no newer than the command's bound. The address keeps
 * its version in the tombstone, so its own older events stay stale, and becomes free for a newer
 * claim by anyone. Cascades are not input events and are counted apart; a cascade delete is an
 * applied change like any other on the change feed.
 */
final class EmailCascadeProcessor implements Processor<String, CascadeCommand, byte[], byte[]> {
  private final EmailWrites writes;
  private final AppliedChanges changes;
  private final WriterMetrics metrics;
  private ProcessorContext<byte[], byte[]> context;
  private StageOutputs outputs;
  private KeyValueStore<String, EmailState> states;
  private TableSinkStore sink;

  EmailCascadeProcessor(TableItems items, WriterMetrics metrics) {
    this.writes = new EmailWrites(items);
    this.changes = new AppliedChanges(items);
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
    this.outputs =
        new StageOutputs(context, NodeNames.EMAIL_DEAD_LETTERS_SINK, NodeNames.EMAIL_CHANGES_SINK);
    this.states = context.getStateStore(GateStores.EMAIL_STATES);
    this.sink = context.getStateStore(TableSinkStoreBuilder.EMAIL_SINK);
  }

  @Override
  public void process(Record<String, CascadeCommand> record) {
    CascadeCommand command = record.value();
    String origin = context.recordMetadata().map(StageRecords::describe).orElse("cascade");
    EmailState state = states.get(command.email());
    if (state != null
        && state.ownedBy(command.userId())
        && state.version() <= command.upToVersion()) {
      EmailState deleted = state.asDeleted();
      states.put(command.email(), deleted);
      writes.deleteItem(deleted, sink, origin);
      String cause = command.cause().tag();
      outputs.applied(
          changes.cascadeDelete(deleted, cause, record.timestamp()), record.timestamp());
      sink.afterDurable(() -> metrics.cascadeDelete(cause));
    } else {
      // Another owner or a newer claim holds the address now: leave it (see EmailWrites#current).
      writes.current(state, sink, origin);
    }
  }
}
