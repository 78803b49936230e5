package io.shardstream.writer.state;

/**
 * What the writer knows of one address: its last applied version and, while it lives, its owner and
 * creation time. A deleted address keeps a tombstone (deleted, with its version and whatever key
 * fields were known), so a late older UPSERT is stale instead of bringing it back.
 *
 * @param userId the owner; null when the address was deleted without ever being seen
 * @param created the creation time (the shard); null when never seen
 */
public record EmailState(long version, boolean deleted, String email, String userId, Long created) {

  public static EmailState live(long version, String email, String userId, long created) {
    return new EmailState(version, false, email, userId, created);
  }

  /** A tombstone at {@code version} that keeps the key fields of {@code previous}, if any. */
  public static EmailState tombstone(long version, String email, EmailState previous) {
    return previous == null
        ? new EmailState(version, true, email, null, null)
        : new EmailState(version, true, email, previous.userId(), previous.created());
  }

  public boolean live() {
    return !deleted;
  }

  /** Whether {@code userId} owns the address now. */
  public boolean ownedBy(String userId) {
    return live() && userId.equals(this.userId);
  }

  /** The same state, deleted (a cascade keeps the version: the address's own events rule it). */
  public EmailState asDeleted() {
    return new EmailState(version, true, email, userId, created);
  }
}
