package io.shardstream.writer.event;

import io.shardstream.schemas.avro.Email;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.EmailKey;
import io.shardstream.writer.check.Checked;
import io.shardstream.writer.check.Rejection;
import io.shardstream.writer.item.TableItems;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a decoded email event (shape, fields, Kafka key, keys, DynamoDB limits) and turns it into
 * an {@link ValidEmailChange} the version gate can apply. Ownership (uniqueness) and the owner's
 * liveness need state, so the stages check them, not this class.
 */
public final class EmailEventValidator {
  private final TableItems items;
  private final FieldRules rules;

  public EmailEventValidator(TableItems items, Duration futureSkew) {
    this.items = items;
    this.rules = new FieldRules(futureSkew);
  }

  public Checked<ValidEmailChange> check(
      String recordKey, EmailChangeEvent event, long recordTimestamp) {
    return switch (event.getOp()) {
      case UPSERT -> upsert(recordKey, event, recordTimestamp);
      case DELETE -> delete(recordKey, event);
    };
  }

  private Checked<ValidEmailChange> upsert(
      String recordKey, EmailChangeEvent event, long timestamp) {
    Email email = event.getEmail();
    Optional<Rejection> broken =
        FieldRules.first(
            () -> FieldRules.shape("UPSERT", "email", email, "emailKey", event.getEmailKey()),
            () -> FieldRules.notEmpty("email", email.getEmail()),
            () -> FieldRules.emailSyntax(email.getEmail()),
            () -> FieldRules.keyMatches(recordKey, "email", email.getEmail()),
            () -> FieldRules.notEmpty("userId", email.getUserId()),
            () -> rules.notInFuture("created", email.getCreated().toEpochMilli(), timestamp));
    if (broken.isPresent()) {
      return Checked.rejected(broken.get());
    }
    long created = email.getCreated().toEpochMilli();
    return items
        .keyed(TableItems.EMAIL, item(email.getEmail(), email.getUserId(), created))
        .then(
            keyed ->
                Checked.ok(
                    new ValidEmailChange.Upsert(
                        email.getEmail(),
                        event.getVersion(),
                        eventId(event),
                        email.getUserId(),
                        created,
                        keyed)));
  }

  private Checked<ValidEmailChange> delete(String recordKey, EmailChangeEvent event) {
    EmailKey key = event.getEmailKey();
    Optional<Rejection> broken =
        FieldRules.first(
            () -> FieldRules.shape("DELETE", "emailKey", key, "email", event.getEmail()),
            () -> FieldRules.notEmpty("email", key.getEmail()),
            () -> FieldRules.keyMatches(recordKey, "email", key.getEmail()));
    if (broken.isPresent()) {
      return Checked.rejected(broken.get());
    }
    // The address must make table keys even if never seen: every shard it may be in is cleared.
    return items
        .candidateKeys(TableItems.EMAIL, key.getEmail())
        .then(
            keys ->
                Checked.ok(
                    new ValidEmailChange.Delete(
                        key.getEmail(), event.getVersion(), eventId(event))));
  }

  /** The table item of an email. */
  public static Map<String, Object> item(String email, String userId, long created) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("email", email);
    item.put("userId", userId);
    item.put("created", created);
    return item;
  }

  static String eventId(EmailChangeEvent event) {
    return String.valueOf(event.getEventId());
  }
}
