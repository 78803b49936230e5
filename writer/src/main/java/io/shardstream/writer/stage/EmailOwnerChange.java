package io.shardstream.writer.stage;

import io.shardstream.writer.event.SourceRecord;
import java.util.Objects;

/**
 * Email stage → user stage (keyed by userId): an address the email stage accepted for a user
 * ({@code CLAIM}) or that user no longer owns because the address was deleted ({@code RELEASE}).
 * Both carry the outcome count of their input event, which the user stage settles.
 *
 * @param emailVersion the version of the email event
 * @param eventId the email event's id
 * @param source the email event's record, so that the user stage can dead-letter a claim ({@code
 *     user-deleted}); null for a release
 */
public record EmailOwnerChange(
    Kind kind,
    String email,
    String userId,
    long emailVersion,
    String eventId,
    SourceRecord source) {

  public enum Kind {
    CLAIM,
    RELEASE
  }

  public EmailOwnerChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(userId, "userId");
  }

  public static EmailOwnerChange claim(
      String email, String userId, long version, String eventId, SourceRecord source) {
    return new EmailOwnerChange(
        Kind.CLAIM, email, userId, version, eventId, Objects.requireNonNull(source, "source"));
  }

  public static EmailOwnerChange release(
      String email, String userId, long version, String eventId) {
    return new EmailOwnerChange(Kind.RELEASE, email, userId, version, eventId, null);
  }
}
