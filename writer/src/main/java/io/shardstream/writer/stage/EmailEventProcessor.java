package io.shardstream.writer.stage;

import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.serde.ChangeEventDecoder;
import io.shardstream.writer.check.Rejection;
import io.shardstream.writer.dlq.RefusedRecord;
import io.shardstream.writer.event.EmailEventValidator;
import io.shardstream.writer.event.SourceRecord;
import io.shardstream.writer.event.ValidEmailChange;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.metrics.EventOutcome;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.sink.TableSinkStore;
import io.shardstream.writer.sink.TableSinkStoreBuilder;
import io.shardstream.writer.state.EmailState;
import io.shardstream.writer.state.GateStores;
import io.shardstream.writer.state.VersionGate;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Email stage, email events (keyed by address): decode → validate → version gate → uniqueness →
 * table write, then hands accepted changes to the user stage keyed by userId. The user stage
 * settles their outcome count (a claim may still be refused there: {@code user-deleted}); every
 * other outcome is counted here.
 */
final class EmailEventProcessor implements Processor<byte[], byte[], byte[], byte[]> {
  private final EventIntake<EmailChangeEvent, ValidEmailChange> intake;
  private final EmailWrites writes;
  private final AppliedChanges changes;
  private final WriterMetrics metrics;
  private ProcessorContext<byte[], byte[]> context;
  private StageOutputs outputs;
  private KeyValueStore<String, EmailState> states;
  private TableSinkStore sink;

  EmailEventProcessor(
      ChangeEventDecoder<EmailChangeEvent> decoder,
      EmailEventValidator validator,
      TableItems items,
      WriterMetrics metrics) {
    this.intake = new EventIntake<>(decoder, validator::check, EmailChangeEvent::getEventId);
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
  public void process(Record<byte[], byte[]> record) {
    SourceRecord source = StageRecords.source(context, record);
    switch (intake.take(source, StageRecords.key(record.key()), record.timestamp())) {
      case EventIntake.ChangeOrDeadLetter.Refused<ValidEmailChange> refused ->
          deadLetter(record, refused.deadLetter());
      case EventIntake.ChangeOrDeadLetter.Valid<ValidEmailChange> valid -> {
        switch (valid.change()) {
          case ValidEmailChange.Upsert upsert -> upsert(record, source, upsert);
          case ValidEmailChange.Delete delete -> delete(record, source, delete);
        }
      }
    }
  }

  private void upsert(
      Record<byte[], byte[]> record, SourceRecord source, ValidEmailChange.Upsert upsert) {
    EmailState state = states.get(upsert.email());
    VersionGate.Verdict verdict =
        VersionGate.judge(state == null ? null : state.version(), upsert.version());
    if (verdict != VersionGate.Verdict.NEWER) {
      ignore(state, source, verdict);
      return;
    }
    if (state != null && state.live() && !state.userId().equals(upsert.userId())) {
      writes.current(state, sink, source.toString());
      deadLetter(
          record,
          new RefusedRecord(
              source,
              new Rejection(
                  Rejection.EMAIL_OWNED_BY_OTHER_USER,
                  "'"
                      + upsert.email()
                      + "' is owned by user '"
                      + state.userId()
                      + "'; user '"
                      + upsert.userId()
                      + "' can claim it once that claim is deleted"),
              upsert.eventId()));
      return;
    }
    if (state != null && state.live() && state.created() != upsert.created()) {
      // created picks the shard: the item moves, so the old one goes.
      writes.deleteItem(state, sink, source.toString());
    }
    writes.put(upsert.item(), sink, source.toString());
    states.put(
        upsert.email(),
        EmailState.live(upsert.version(), upsert.email(), upsert.userId(), upsert.created()));
    outputs.applied(changes.emailUpsert(upsert, record.timestamp()), record.timestamp());
    outputs.ownerChange(
        upsert.userId(),
        EmailOwnerChange.claim(
            upsert.email(), upsert.userId(), upsert.version(), upsert.eventId(), source),
        record.timestamp(),
        record.headers());
  }

  private void delete(
      Record<byte[], byte[]> record, SourceRecord source, ValidEmailChange.Delete delete) {
    EmailState state = states.get(delete.email());
    VersionGate.Verdict verdict =
        VersionGate.judge(state == null ? null : state.version(), delete.version());
    if (verdict != VersionGate.Verdict.NEWER) {
      ignore(state, source, verdict);
      return;
    }
    states.put(delete.email(), EmailState.tombstone(delete.version(), delete.email(), state));
    if (state == null) {
      writes.deleteAnywhere(delete.email(), sink, source.toString());
    } else {
      writes.deleteItem(state, sink, source.toString());
    }
    outputs.applied(changes.emailDelete(delete, state, record.timestamp()), record.timestamp());
    if (state != null && state.live()) {
      // The owner's index loses the address; the user stage counts the event.
      outputs.ownerChange(
          state.userId(),
          EmailOwnerChange.release(
              delete.email(), state.userId(), delete.version(), delete.eventId()),
          record.timestamp(),
          new RecordHeaders());
    } else {
      sink.afterDurable(() -> metrics.event(TableItems.EMAIL, EventOutcome.APPLIED));
    }
  }

  private void ignore(EmailState state, SourceRecord source, VersionGate.Verdict verdict) {
    writes.current(state, sink, source.toString());
    EventOutcome outcome =
        verdict == VersionGate.Verdict.STALE ? EventOutcome.STALE : EventOutcome.DUPLICATE;
    sink.afterDurable(() -> metrics.event(TableItems.EMAIL, outcome));
  }

  private void deadLetter(Record<byte[], byte[]> record, RefusedRecord deadLetter) {
    outputs.deadLetter(deadLetter, record.headers());
    String reason = deadLetter.rejection().reason();
    sink.afterDurable(() -> metrics.deadLetter(TableItems.EMAIL, reason));
  }
}
