package io.shardstream.writer.event;

import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.writer.check.Checked;
import io.shardstream.writer.item.TableItems;
import java.time.Duration;

/**
 * The User stage's view of {@link EntityEventValidator}: the same checks, the result as a {@link
 * ValidUserChange}. Kept only until the generic topology replaces the User/Email stages (issue 11).
 */
public final class UserEventValidator {
  private final EntityEventValidator validator;

  public UserEventValidator(TableItems items, Duration futureSkew) {
    this.validator = new EntityEventValidator(items.entity(TableItems.USER), items, futureSkew);
  }

  /**
   * @param recordKey the Kafka key as a string (null when the record had none)
   * @param recordTimestamp the Kafka record's timestamp, the "now" of the future check
   */
  public Checked<ValidUserChange> check(
      String recordKey, UserChangeEvent event, long recordTimestamp) {
    return validator
        .check(recordKey, event, recordTimestamp)
        .then(
            change ->
                Checked.ok(
                    switch (change) {
                      case EntityChange.Upsert u ->
                          new ValidUserChange.Upsert(
                              u.id(), u.version(), u.eventId(), u.timestamp(), u.keyed());
                      case EntityChange.Delete d ->
                          new ValidUserChange.Delete(
                              d.id(),
                              d.version(),
                              d.eventId(),
                              d.timestamp().orElseThrow(),
                              d.key().orElseThrow());
                    }));
  }
}
