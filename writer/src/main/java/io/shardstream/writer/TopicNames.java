package io.shardstream.writer;

import io.shardstream.schemas.Topics;
import java.util.Objects;

/**
 * The topics the writer reads and writes.
 *
 * @param emailOwnerChanges email stage → user stage, keyed by userId: must have as many partitions
 *     as {@code users} (same keys, same default partitioner, so the same task)
 * @param emailCascade user stage → email stage, keyed by address: as many partitions as {@code
 *     emails}
 * @param appliedChanges the change feed: one record per applied table change, keyed by the item's
 *     id
 */
public record TopicNames(
    String users,
    String emails,
    String deadLetters,
    String appliedChanges,
    String emailOwnerChanges,
    String emailCascade) {

  public TopicNames {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(emails, "emails");
    Objects.requireNonNull(deadLetters, "deadLetters");
    Objects.requireNonNull(appliedChanges, "appliedChanges");
    Objects.requireNonNull(emailOwnerChanges, "emailOwnerChanges");
    Objects.requireNonNull(emailCascade, "emailCascade");
  }

  /** Named after the application id, as Kafka Streams names its own internal topics. */
  public static TopicNames of(
      String applicationId,
      String users,
      String emails,
      String deadLetters,
      String appliedChanges) {
    return new TopicNames(
        users,
        emails,
        deadLetters,
        appliedChanges,
        applicationId + "-email-owner-changes",
        applicationId + "-email-cascade");
  }

  /** The standard source and dead-letter topics ({@link Topics}). */
  public static TopicNames defaults(String applicationId) {
    return of(
        applicationId,
        Topics.USERS.name(),
        Topics.EMAILS.name(),
        Topics.DEAD_LETTERS.name(),
        Topics.APPLIED_CHANGES.name());
  }
}
