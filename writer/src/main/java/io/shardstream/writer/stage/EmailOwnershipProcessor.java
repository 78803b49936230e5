package io.shardstream.writer.stage;

import io.shardstream.writer.check.Rejection;
import io.shardstream.writer.dlq.RefusedRecord;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.metrics.EventOutcome;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.sink.TableSinkStore;
import io.shardstream.writer.sink.TableSinkStoreBuilder;
import io.shardstream.writer.state.GateStores;
import io.shardstream.writer.state.UserEmails;
import io.shardstream.writer.state.UserState;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * User stage, email owner changes from the email stage (keyed by userId): keeps the {@code
 * user-emails} index the cascade reads, and settles the outcome count of the email events behind
 * them.
 *
 * <p>A claim for a user that is deleted (a tombstone) is refused: the event is dead-lettered with
 * {@code user-deleted} and a cascade command takes the address back out of the table, which frees
 * it. A claim for a user never seen is accepted: users and emails travel on separate topics, so an
 * address may arrive before its user; if that user is later deleted, the cascade removes it.
 */
final class EmailOwnershipProcessor implements Processor<String, EmailOwnerChange, byte[], byte[]> {
  private final WriterMetrics metrics;
  private StageOutputs outputs;
  private KeyValueStore<String, UserState> users;
  private KeyValueStore<String, UserEmails> userEmails;
  private TableSinkStore sink;

  EmailOwnershipProcessor(WriterMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.outputs =
        new StageOutputs(context, NodeNames.USER_DEAD_LETTERS_SINK, NodeNames.USER_CHANGES_SINK);
    this.users = context.getStateStore(GateStores.USER_STATES);
    this.userEmails = context.getStateStore(GateStores.USER_EMAILS);
    // The user stage's sink: its commit hook also settles these counts.
    this.sink = context.getStateStore(TableSinkStoreBuilder.USER_SINK);
  }

  @Override
  public void process(Record<String, EmailOwnerChange> record) {
    EmailOwnerChange change = record.value();
    switch (change.kind()) {
      case CLAIM -> claim(record, change);
      case RELEASE -> release(change);
    }
  }

  private void claim(Record<String, EmailOwnerChange> record, EmailOwnerChange change) {
    UserState user = users.get(change.userId());
    if (user != null && user.deleted()) {
      RefusedRecord deadLetter =
          new RefusedRecord(
              change.source(),
              new Rejection(
                  Rejection.USER_DELETED,
                  "user '"
                      + change.userId()
                      + "' is deleted (version "
                      + user.version()
                      + "), so it cannot"
                      + " claim '"
                      + change.email()
                      + "'; the address is removed again"),
              change.eventId());
      // The claim record carries the email event's own headers.
      outputs.deadLetter(deadLetter, record.headers());
      outputs.cascade(
          change.email(),
          new CascadeCommand(
              change.email(),
              change.userId(),
              change.emailVersion(),
              CascadeCommand.Cause.CLAIM_REJECTED),
          record.timestamp());
      sink.afterDurable(() -> metrics.deadLetter(TableItems.EMAIL, Rejection.USER_DELETED));
      return;
    }
    UserEmails owned = userEmails.get(change.userId());
    userEmails.put(
        change.userId(),
        (owned == null ? UserEmails.NONE : owned).withClaim(change.email(), change.emailVersion()));
    sink.afterDurable(() -> metrics.event(TableItems.EMAIL, EventOutcome.APPLIED));
  }

  private void release(EmailOwnerChange change) {
    UserEmails owned = userEmails.get(change.userId());
    if (owned != null) {
      UserEmails remaining = owned.withoutClaim(change.email(), change.emailVersion());
      if (remaining.isEmpty()) {
        userEmails.delete(change.userId());
      } else if (remaining != owned) {
        userEmails.put(change.userId(), remaining);
      }
    }
    sink.afterDurable(() -> metrics.event(TableItems.EMAIL, EventOutcome.APPLIED));
  }
}
