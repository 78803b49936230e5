package io.shardstream.writer.state;

/**
 * What the writer knows of one user: the last applied version, whether it is deleted (a tombstone
 * that keeps late older UPSERTs out and makes email claims fail), its creation time (the shard of
 * its table item) and its beneficiary (so that the change feed can name it on a delete, whose event
 * carries key fields only).
 *
 * @param beneficiaryId null in states written before it was kept, and in tombstones of users never
 *     seen live
 */
public record UserState(
    long version, boolean deleted, String userId, long created, String beneficiaryId) {

  public static UserState live(long version, String userId, long created, String beneficiaryId) {
    return new UserState(version, false, userId, created, beneficiaryId);
  }

  /** A tombstone that keeps the beneficiary of {@code previous}, if any. */
  public static UserState tombstone(long version, String userId, long created, UserState previous) {
    return new UserState(
        version, true, userId, created, previous == null ? null : previous.beneficiaryId());
  }

  public boolean live() {
    return !deleted;
  }
}
