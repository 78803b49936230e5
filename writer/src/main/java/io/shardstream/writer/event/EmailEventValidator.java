package io.shardstream.writer.event;

import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.writer.check.Checked;
import io.shardstream.writer.item.TableItems;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Email stage's view of {@link EntityEventValidator}: the same checks, the result as a {@link
 * ValidEmailChange}. Kept only until the generic topology replaces the User/Email stages (issue
 * 11).
 */
public final class EmailEventValidator {
  private final EntityEventValidator validator;

  public EmailEventValidator(TableItems items, Duration futureSkew) {
    this.validator = new EntityEventValidator(items.entity(TableItems.EMAIL), items, futureSkew);
  }

  public Checked<ValidEmailChange> check(
      String recordKey, EmailChangeEvent event, long recordTimestamp) {
    return validator
        .check(recordKey, event, recordTimestamp)
        .then(
            change ->
                Checked.ok(
                    switch (change) {
                      case EntityChange.Upsert u ->
                          new ValidEmailChange.Upsert(
                              u.id(),
                              u.version(),
                              u.eventId(),
                              u.parent().orElseThrow().id(),
                              u.timestamp(),
                              u.keyed());
                      case EntityChange.Delete d ->
                          new ValidEmailChange.Delete(d.id(), d.version(), d.eventId());
                    }));
  }

  /** The table item of an email. */
  public static Map<String, Object> item(String email, String userId, long created) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("email", email);
    item.put("userId", userId);
    item.put("created", created);
    return item;
  }
}
