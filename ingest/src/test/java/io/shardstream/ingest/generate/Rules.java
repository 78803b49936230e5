package io.shardstream.ingest.generate;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.schemas.avro.Email;
import io.shardstream.schemas.avro.User;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** The writer's semantic rules (DESIGN §5) as the tests read them, independent of the generator. */
final class Rules {
  private Rules() {}

  /**
   * The rules {@code record} breaks.
   *
   * @param ownerBefore who owned the address of an email upsert before it (null: nobody)
   */
  static Set<InvalidKind> broken(ChangeRecord record, Instant baseTime, String ownerBefore) {
    Set<InvalidKind> broken = EnumSet.noneOf(InvalidKind.class);
    switch (record) {
      case ChangeRecord.Undecodable raw -> broken.add(InvalidKind.UNDECODABLE);
      case ChangeRecord.EntityEvent entity ->
          throw new IllegalArgumentException("the User/Email generator makes no " + entity);
      case ChangeRecord.UserEventRecord change -> {
        checkId(record.key(), broken);
        User user = change.event().getUser();
        if (user != null) {
          if (user.getPhone() != null && !user.getPhone().matches("[0-9]+")) {
            broken.add(InvalidKind.PHONE_WITH_LETTERS);
          }
          if (user.getUpdated().isBefore(user.getCreated())) {
            broken.add(InvalidKind.UPDATED_BEFORE_CREATED);
          }
          if (user.getCreated().isAfter(baseTime)) {
            broken.add(InvalidKind.CREATED_IN_FUTURE);
          }
        }
      }
      case ChangeRecord.EmailEventRecord change -> {
        Email email = change.event().getEmail();
        if (email != null) {
          checkId(email.getUserId(), broken);
          if (!email.getEmail().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            broken.add(InvalidKind.BAD_EMAIL_SYNTAX);
          }
          if (ownerBefore != null && !ownerBefore.equals(email.getUserId())) {
            broken.add(InvalidKind.EMAIL_OWNED_BY_OTHER_USER);
          }
        }
      }
    }
    return broken;
  }

  private static void checkId(String id, Set<InvalidKind> broken) {
    if (id.isEmpty()) {
      broken.add(InvalidKind.EMPTY_USER_ID);
    }
    if (id.contains(InvalidEvents.KEY_DELIMITER)) {
      broken.add(InvalidKind.DELIMITER_IN_ID);
    }
  }
}
