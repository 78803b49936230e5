package io.shardstream.writer.replay;

import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.writer.check.Checked;
import io.shardstream.writer.event.EmailEventValidator;
import io.shardstream.writer.event.UserEventValidator;
import io.shardstream.writer.event.ValidEmailChange;
import io.shardstream.writer.event.ValidUserChange;
import io.shardstream.writer.item.KeyedItem;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.state.VersionGate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table the writer's rules produce from a sequence of change events, computed in one thread,
 * one event at a time, without Kafka Streams, stores, internal topics or the sink: what a replay's
 * table is checked against ({@link ReplayService}).
 *
 * <p>Production code checking production code, so it is built from the writer's own rules wherever
 * they are pure: validation ({@link UserEventValidator}, {@link EmailEventValidator}), items and
 * keys ({@link TableItems} under the replay's configuration) and version order ({@link
 * VersionGate}). Only what the topology spreads over state stores and internal topics is folded
 * here directly:
 *
 * <ul>
 *   <li>per id the newest version wins; equal or older versions change nothing; a DELETE leaves a
 *       tombstone so an older UPSERT cannot resurrect the item;
 *   <li>an address owned (live) by another user is refused;
 *   <li>an address claimed for a deleted user is deleted again (the writer's {@code user-deleted}
 *       dead letter plus cascade);
 *   <li>deleting a user deletes every address it owns (the cascade), at once.
 * </ul>
 *
 * <p>It is not the tests' oracle: that is {@code ReferenceModel} in the writer's tests, the one
 * model written independently of this code (its own version rule, items built from the Avro
 * records, keys through core only), so a wrong rule here or in the writer cannot be confirmed by
 * itself; {@code ProjectionTest} checks this projection against it.
 *
 * <p>Events that race across the two topics (an address freed by a cascade and claimed by another
 * user at about the same time) may be decided in another order by the writer; such events are rare
 * and show up as differences to look at, not as silent agreement.
 */
public final class Projection {
  private record UserEntry(long version, boolean deleted, KeyedItem item) {}

  private record EmailEntry(long version, boolean deleted, String userId, KeyedItem item) {}

  private final UserEventValidator users;
  private final EmailEventValidator emails;
  private final Map<String, UserEntry> userStates = new HashMap<>();
  private final Map<String, EmailEntry> emailStates = new HashMap<>();
  private long applied;
  private long ignored;

  public Projection(TableItems items, Duration futureSkew) {
    this.users = new UserEventValidator(items, futureSkew);
    this.emails = new EmailEventValidator(items, futureSkew);
  }

  /** Applies a decoded user event with its record key and record timestamp. */
  public void user(String recordKey, UserChangeEvent event, long recordTimestamp) {
    switch (users.check(recordKey, event, recordTimestamp)) {
      case Checked.Rejected<ValidUserChange> rejected -> ignored++;
      case Checked.Ok<ValidUserChange> ok -> apply(ok.value());
    }
  }

  /** Applies a decoded email event with its record key and record timestamp. */
  public void email(String recordKey, EmailChangeEvent event, long recordTimestamp) {
    switch (emails.check(recordKey, event, recordTimestamp)) {
      case Checked.Rejected<ValidEmailChange> rejected -> ignored++;
      case Checked.Ok<ValidEmailChange> ok -> apply(ok.value());
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

  /** Every live user and email item, by table key, as the table should hold it. */
  public Map<PrimaryKey, Map<String, AttributeValue>> items() {
    Map<PrimaryKey, Map<String, AttributeValue>> items = new HashMap<>();
    userStates.values().stream()
        .filter(u -> !u.deleted())
        .forEach(u -> items.put(u.item().key(), u.item().attributes()));
    emailStates.values().stream()
        .filter(e -> !e.deleted())
        .forEach(e -> items.put(e.item().key(), e.item().attributes()));
    return items;
  }

  private void apply(ValidUserChange change) {
    UserEntry current = userStates.get(change.userId());
    if (!newer(current == null ? null : current.version(), change.version())) {
      ignored++;
      return;
    }
    applied++;
    switch (change) {
      case ValidUserChange.Upsert upsert ->
          userStates.put(upsert.userId(), new UserEntry(upsert.version(), false, upsert.item()));
      case ValidUserChange.Delete delete -> {
        userStates.put(delete.userId(), new UserEntry(delete.version(), true, null));
        emailStates.replaceAll(
            (address, email) ->
                !email.deleted() && delete.userId().equals(email.userId())
                    ? new EmailEntry(email.version(), true, email.userId(), null)
                    : email);
      }
    }
  }

  private void apply(ValidEmailChange change) {
    EmailEntry current = emailStates.get(change.email());
    if (!newer(current == null ? null : current.version(), change.version())) {
      ignored++;
      return;
    }
    switch (change) {
      case ValidEmailChange.Delete delete -> {
        applied++;
        emailStates.put(
            delete.email(),
            new EmailEntry(
                delete.version(), true, current == null ? null : current.userId(), null));
      }
      case ValidEmailChange.Upsert upsert -> {
        if (current != null && !current.deleted() && !current.userId().equals(upsert.userId())) {
          ignored++;
          return;
        }
        applied++;
        UserEntry owner = userStates.get(upsert.userId());
        boolean ownerDeleted = owner != null && owner.deleted();
        emailStates.put(
            upsert.email(),
            new EmailEntry(
                upsert.version(),
                ownerDeleted,
                upsert.userId(),
                ownerDeleted ? null : upsert.item()));
      }
    }
  }

  private static boolean newer(Long current, long incoming) {
    return VersionGate.judge(current, incoming) == VersionGate.Verdict.NEWER;
  }
}
