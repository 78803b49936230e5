package io.shardstream.ingest;

import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.Email;
import io.shardstream.schemas.avro.User;

/** Reads the envelope and payload of a change record, whatever its entity. */
public final class Records {
  private Records() {}

  public static long version(ChangeRecord record) {
    return switch (record) {
      case ChangeRecord.UserEventRecord user -> user.event().getVersion();
      case ChangeRecord.EmailEventRecord email -> email.event().getVersion();
      case ChangeRecord.Undecodable raw ->
          throw new IllegalArgumentException("no version in raw bytes");
      case ChangeRecord.EntityEvent entity -> (Long) entity.event().get("version");
    };
  }

  public static ChangeOp op(ChangeRecord record) {
    return switch (record) {
      case ChangeRecord.UserEventRecord user -> user.event().getOp();
      case ChangeRecord.EmailEventRecord email -> email.event().getOp();
      case ChangeRecord.Undecodable raw -> throw new IllegalArgumentException("no op in raw bytes");
      case ChangeRecord.EntityEvent entity -> ChangeOp.valueOf(entity.event().get("op").toString());
    };
  }

  /** The user state of a user UPSERT, else null. */
  public static User user(ChangeRecord record) {
    return record instanceof ChangeRecord.UserEventRecord user ? user.event().getUser() : null;
  }

  /** The email state of an email UPSERT, else null. */
  public static Email email(ChangeRecord record) {
    return record instanceof ChangeRecord.EmailEventRecord email ? email.event().getEmail() : null;
  }

  /** Topic and key: one entity instance. */
  public static String entity(ChangeRecord record) {
    return topic(record) + "/" + record.key();
  }

  /** The default name of the record's topic. */
  public static String topic(ChangeRecord record) {
    return ChangeTopicNames.defaults().of(record);
  }
}
