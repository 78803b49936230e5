package io.shardstream.ingest;

import io.shardstream.schemas.Topic;
import io.shardstream.schemas.Topics;
import java.util.Objects;

/**
 * The names the change topics have in this deployment ({@code topics.users}, {@code topics.emails},
 * the writer's settings too), so that producers write where the writer reads.
 */
public record ChangeTopicNames(String users, String emails) {

  public ChangeTopicNames {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(emails, "emails");
  }

  /** The default names ({@link Topics}). */
  public static ChangeTopicNames defaults() {
    return new ChangeTopicNames(Topics.USERS.name(), Topics.EMAILS.name());
  }

  /** The name in use for the topic a record is for. */
  public String of(ChangeRecord record) {
    return switch (record) {
      case ChangeRecord.UserEventRecord user -> users;
      case ChangeRecord.EmailEventRecord email -> emails;
      case ChangeRecord.Undecodable raw -> of(raw.topic());
      case ChangeRecord.EntityEvent entity -> entity.topic();
    };
  }

  /** The name in use for a change topic. */
  public String of(Topic<String, ?> topic) {
    if (topic == Topics.USERS) {
      return users;
    }
    if (topic == Topics.EMAILS) {
      return emails;
    }
    throw new IllegalArgumentException("not a change topic: " + topic);
  }
}
