package io.shardstream.writer.state;

/**
 * What the writer knows of one user: the last applied version, whether it is deleted (a tombstone
 * that keeps late older UPSERTs out and makes email claims fail), and its creation time (the shard
 * of its table item).
 */
public record UserState(long version, boolean deleted, String userId, long created) {

  public static UserState live(long version, String userId, long created) {
    return new UserState(version, false, userId, created);
  }

  public static UserState tombstone(long version, String userId, long created) {
    return new UserState(version, true, userId, created);
  }

  public boolean live() {
    return !deleted;
  }
}
