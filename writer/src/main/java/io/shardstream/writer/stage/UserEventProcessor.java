package io.shardstream.writer.stage;

import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.changes.AppliedChange;
import io.shardstream.schemas.serde.ChangeEventDecoder;
import io.shardstream.writer.dlq.RefusedRecord;
import io.shardstream.writer.event.SourceRecord;
import io.shardstream.writer.event.UserEventValidator;
import io.shardstream.writer.event.ValidUserChange;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.metrics.EventOutcome;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.sink.TableSinkStore;
import io.shardstream.writer.sink.TableSinkStoreBuilder;
import io.shardstream.writer.state.GateStores;
import io.shardstream.writer.state.UserEmails;
import io.shardstream.writer.state.UserState;
import io.shardstream.writer.state.VersionGate;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * User stage, user events (keyed by userId): decode → validate → version gate → table write. A
 * DELETE leaves a tombstone and sends a cascade command for every address the user owns (the {@code
 * user-emails} index) to the email stage.
 */
final class UserEventProcessor implements Processor<byte[], byte[], byte[], byte[]> {
  private final EventIntake<UserChangeEvent, ValidUserChange> intake;
  private final TableItems items;
  private final AppliedChanges changes;
  private final WriterMetrics metrics;
  private ProcessorContext<byte[], byte[]> context;
  private StageOutputs outputs;
  private KeyValueStore<String, UserState> users;
  private KeyValueStore<String, UserEmails> userEmails;
  private TableSinkStore sink;

  UserEventProcessor(
      ChangeEventDecoder<UserChangeEvent> decoder,
      UserEventValidator validator,
      TableItems items,
      WriterMetrics metrics) {
    this.intake = new EventIntake<>(decoder, validator::check, UserChangeEvent::getEventId);
    this.items = items;
    this.changes = new AppliedChanges(items);
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
    this.outputs =
        new StageOutputs(context, NodeNames.USER_DEAD_LETTERS_SINK, NodeNames.USER_CHANGES_SINK);
    this.users = context.getStateStore(GateStores.USER_STATES);
    this.userEmails = context.getStateStore(GateStores.USER_EMAILS);
    this.sink = context.getStateStore(TableSinkStoreBuilder.USER_SINK);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    SourceRecord source = StageRecords.source(context, record);
    switch (intake.take(source, StageRecords.key(record.key()), record.timestamp())) {
      case EventIntake.ChangeOrDeadLetter.Refused<ValidUserChange> refused ->
          deadLetter(record, refused.deadLetter());
      case EventIntake.ChangeOrDeadLetter.Valid<ValidUserChange> valid ->
          apply(record, source, valid.change());
    }
  }

  private void apply(Record<byte[], byte[]> record, SourceRecord source, ValidUserChange change) {
    UserState state = users.get(change.userId());
    VersionGate.Verdict verdict =
        VersionGate.judge(state == null ? null : state.version(), change.version());
    EventOutcome outcome =
        switch (verdict) {
          case STALE -> EventOutcome.STALE;
          case DUPLICATE -> EventOutcome.DUPLICATE;
          case NEWER -> {
            switch (change) {
              case ValidUserChange.Upsert upsert ->
                  upsert(state, upsert, source, record.timestamp());
              case ValidUserChange.Delete delete ->
                  delete(state, delete, source, record.timestamp());
            }
            yield EventOutcome.APPLIED;
          }
        };
    sink.afterDurable(() -> metrics.event(TableItems.USER, outcome));
  }

  private void upsert(
      UserState state, ValidUserChange.Upsert upsert, SourceRecord source, long timestamp) {
    if (state != null && state.live() && state.created() != upsert.created()) {
      // created picks the shard: the item moves, so the old one goes.
      sink.add(items.delete(userKey(upsert.userId(), state.created())), source.toString());
    }
    sink.add(items.put(upsert.item()), source.toString());
    AppliedChange change = changes.userUpsert(upsert, timestamp);
    users.put(
        upsert.userId(),
        UserState.live(
            upsert.version(), upsert.userId(), upsert.created(), change.beneficiaryId()));
    outputs.applied(change, timestamp);
  }

  private void delete(
      UserState state, ValidUserChange.Delete delete, SourceRecord source, long timestamp) {
    sink.add(items.delete(delete.key()), source.toString());
    if (state != null && state.live() && state.created() != delete.created()) {
      sink.add(items.delete(userKey(delete.userId(), state.created())), source.toString());
    }
    users.put(
        delete.userId(),
        UserState.tombstone(delete.version(), delete.userId(), delete.created(), state));
    outputs.applied(changes.userDelete(delete, state, timestamp), timestamp);
    UserEmails owned = userEmails.delete(delete.userId());
    if (owned != null) {
      for (Map.Entry<String, Long> claim : owned.claims().entrySet()) {
        outputs.cascade(
            claim.getKey(),
            new CascadeCommand(
                claim.getKey(),
                delete.userId(),
                claim.getValue(),
                CascadeCommand.Cause.USER_DELETED),
            timestamp);
      }
    }
  }

  private PrimaryKey userKey(String userId, long created) {
    return TableItems.knownValid(items.primaryKey(TableItems.USER, userId, created));
  }

  private void deadLetter(Record<byte[], byte[]> record, RefusedRecord deadLetter) {
    outputs.deadLetter(deadLetter, record.headers());
    String reason = deadLetter.rejection().reason();
    sink.afterDurable(() -> metrics.deadLetter(TableItems.USER, reason));
  }
}
