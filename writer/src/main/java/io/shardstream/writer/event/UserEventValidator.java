package io.shardstream.writer.event;

import io.shardstream.schemas.avro.User;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.avro.UserKey;
import io.shardstream.writer.check.Checked;
import io.shardstream.writer.check.Rejection;
import io.shardstream.writer.item.TableItems;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a decoded user event (shape, fields, Kafka key, keys, DynamoDB limits) and turns it into a
 * {@link ValidUserChange} the version gate can apply.
 */
public final class UserEventValidator {
  private final TableItems items;
  private final FieldRules rules;

  public UserEventValidator(TableItems items, Duration futureSkew) {
    this.items = items;
    this.rules = new FieldRules(futureSkew);
  }

  /**
   * @param recordKey the Kafka key as a string (null when the record had none)
   * @param recordTimestamp the Kafka record's timestamp, the "now" of the future check
   */
  public Checked<ValidUserChange> check(
      String recordKey, UserChangeEvent event, long recordTimestamp) {
    return switch (event.getOp()) {
      case UPSERT -> upsert(recordKey, event, recordTimestamp);
      case DELETE -> delete(recordKey, event);
    };
  }

  private Checked<ValidUserChange> upsert(String recordKey, UserChangeEvent event, long timestamp) {
    User user = event.getUser();
    Optional<Rejection> broken =
        FieldRules.first(
            () -> FieldRules.shape("UPSERT", "user", user, "userKey", event.getUserKey()),
            () -> FieldRules.notEmpty("userId", user.getUserId()),
            () -> FieldRules.keyMatches(recordKey, "userId", user.getUserId()),
            () -> FieldRules.notEmpty("beneficiaryId", user.getBeneficiaryId()),
            () -> FieldRules.digitsOnly("phone", user.getPhone()),
            () -> rules.notInFuture("created", user.getCreated().toEpochMilli(), timestamp),
            () ->
                FieldRules.notBefore(
                    "updated",
                    user.getUpdated().toEpochMilli(),
                    "created",
                    user.getCreated().toEpochMilli()));
    if (broken.isPresent()) {
      return Checked.rejected(broken.get());
    }
    long created = user.getCreated().toEpochMilli();
    return items
        .keyed(TableItems.USER, item(user))
        .then(
            keyed ->
                Checked.ok(
                    new ValidUserChange.Upsert(
                        user.getUserId(), event.getVersion(), eventId(event), created, keyed)));
  }

  private Checked<ValidUserChange> delete(String recordKey, UserChangeEvent event) {
    UserKey key = event.getUserKey();
    Optional<Rejection> broken =
        FieldRules.first(
            () -> FieldRules.shape("DELETE", "userKey", key, "user", event.getUser()),
            () -> FieldRules.notEmpty("userId", key.getUserId()),
            () -> FieldRules.keyMatches(recordKey, "userId", key.getUserId()));
    if (broken.isPresent()) {
      return Checked.rejected(broken.get());
    }
    long created = key.getCreated().toEpochMilli();
    return items
        .primaryKey(TableItems.USER, key.getUserId(), created)
        .then(
            primaryKey ->
                Checked.ok(
                    new ValidUserChange.Delete(
                        key.getUserId(), event.getVersion(), eventId(event), created, primaryKey)));
  }

  /** The table item of a user: the event's state, optional properties left out when absent. */
  static Map<String, Object> item(User user) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("userId", user.getUserId());
    item.put("beneficiaryId", user.getBeneficiaryId());
    item.put("firstName", user.getFirstName());
    item.put("lastName", user.getLastName());
    if (user.getPhone() != null) {
      item.put("phone", user.getPhone());
    }
    item.put("created", user.getCreated().toEpochMilli());
    item.put("updated", user.getUpdated().toEpochMilli());
    if (user.getLocale() != null) {
      item.put("locale", user.getLocale());
    }
    return item;
  }

  static String eventId(UserChangeEvent event) {
    return String.valueOf(event.getEventId());
  }
}
