package io.shardstream.writer.stage;

import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.schemas.changes.AppliedChange;
import io.shardstream.writer.event.ValidEmailChange;
import io.shardstream.writer.event.ValidUserChange;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.state.EmailState;
import io.shardstream.writer.state.UserState;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The change-feed records of the stages, one per change the table receives: made only where a
 * processor applies a change (never for stale, duplicate or refused events, nor for the rewrites of
 * an unchanged state that {@link EmailWrites#current} makes), and forwarded next to the table write
 * so that both belong to the same transaction.
 */
final class AppliedChanges {
  private static final String BENEFICIARY_ID = "beneficiaryId";

  private final TableItems items;
  private final String configVersion;

  AppliedChanges(TableItems items) {
    this.items = items;
    this.configVersion = items.config().version();
  }

  AppliedChange userUpsert(ValidUserChange.Upsert upsert, long eventTime) {
    AttributeValue beneficiary = upsert.item().attributes().get(BENEFICIARY_ID);
    return change(
        TableItems.USER,
        upsert.userId(),
        AppliedChange.UPSERT,
        upsert.version(),
        upsert.userId(),
        beneficiary == null ? null : beneficiary.s(),
        upsert.created(),
        upsert.item().key(),
        AppliedChange.EVENT,
        upsert.eventId(),
        eventTime);
  }

  AppliedChange userDelete(ValidUserChange.Delete delete, UserState previous, long eventTime) {
    return change(
        TableItems.USER,
        delete.userId(),
        AppliedChange.DELETE,
        delete.version(),
        delete.userId(),
        previous == null ? null : previous.beneficiaryId(),
        delete.created(),
        delete.key(),
        AppliedChange.EVENT,
        delete.eventId(),
        eventTime);
  }

  AppliedChange emailUpsert(ValidEmailChange.Upsert upsert, long eventTime) {
    return change(
        TableItems.EMAIL,
        upsert.email(),
        AppliedChange.UPSERT,
        upsert.version(),
        upsert.userId(),
        null,
        upsert.created(),
        upsert.item().key(),
        AppliedChange.EVENT,
        upsert.eventId(),
        eventTime);
  }

  /**
   * An address deleted by its own event; {@code previous} is what the stage knew of it (null: never
   * seen, so neither owner nor key is known).
   */
  AppliedChange emailDelete(ValidEmailChange.Delete delete, EmailState previous, long eventTime) {
    return emailDeleted(
        previous,
        delete.email(),
        delete.version(),
        AppliedChange.EVENT,
        delete.eventId(),
        eventTime);
  }

  /** An address a cascade deleted ({@code cause}: the cascade's tag, e.g. user-deleted). */
  AppliedChange cascadeDelete(EmailState deleted, String cause, long eventTime) {
    return emailDeleted(deleted, deleted.email(), deleted.version(), cause, null, eventTime);
  }

  private AppliedChange emailDeleted(
      EmailState state, String email, long version, String cause, String eventId, long time) {
    Long created = state == null ? null : state.created();
    PrimaryKey key =
        created == null
            ? null
            : TableItems.knownValid(items.primaryKey(TableItems.EMAIL, email, created));
    return change(
        TableItems.EMAIL,
        email,
        AppliedChange.DELETE,
        version,
        state == null ? null : state.userId(),
        null,
        created,
        key,
        cause,
        eventId,
        time);
  }

  private AppliedChange change(
      String entity,
      String id,
      String op,
      long version,
      String userId,
      String beneficiaryId,
      Long created,
      PrimaryKey key,
      String cause,
      String eventId,
      long eventTime) {
    return new AppliedChange(
        entity,
        id,
        op,
        version,
        userId,
        beneficiaryId,
        created,
        key == null ? null : key.hashKey(),
        key == null ? null : key.rangeKey(),
        cause,
        eventId,
        eventTime,
        configVersion);
  }
}
