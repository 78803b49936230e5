package io.shardstream.queryapi.changes;

import java.util.Arrays;

/**
 * Where a client is in the change feed: for each partition of the feed's topic, the offset of the
 * next record it has not seen. It travels as each server-sent event's {@code id}, so a client that
 * reconnects with {@code Last-Event-ID} resumes exactly after the last event it received, on any
 * instance (offsets are the topic's, not a server's).
 *
 * <p>Text form: {@code 1.} then the offsets in base 36, partition 0 first, separated by dots
 * ({@code 1.0.2s.k}): short, URL-safe, and versioned so that the form can change.
 */
public final class ChangePosition {
  private static final String VERSION = "1";
  private static final int MAX_PARTITIONS = 10_000;
  private static final int MAX_TEXT = 200_000;

  private final long[] next;

  private ChangePosition(long[] next) {
    this.next = next;
  }

  /** The position whose next offset on partition {@code p} is {@code next[p]}. */
  public static ChangePosition of(long... next) {
    for (long offset : next) {
      if (offset < 0) {
        throw new IllegalArgumentException("offsets are not negative, got " + offset);
      }
    }
    return new ChangePosition(next.clone());
  }

  /**
   * @throws IllegalArgumentException naming what is wrong with {@code text}, for a 400
   */
  public static ChangePosition parse(String text) {
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("is too long to be a position of the change feed");
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length < 1 || !parts[0].equals(VERSION)) {
      throw new IllegalArgumentException(
          "is not a position of the change feed (send the id of an event this API sent, or none)");
    }
    if (parts.length - 1 > MAX_PARTITIONS) {
      throw new IllegalArgumentException("names more than " + MAX_PARTITIONS + " partitions");
    }
    long[] next = new long[parts.length - 1];
    for (int p = 0; p < next.length; p++) {
      try {
        next[p] = Long.parseLong(parts[p + 1], 36);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "is not a position of the change feed: partition " + p + " has no offset");
      }
      if (next[p] < 0 || parts[p + 1].startsWith("+")) {
        throw new IllegalArgumentException(
            "is not a position of the change feed: partition " + p + " has a negative offset");
      }
    }
    return new ChangePosition(next);
  }

  public String text() {
    StringBuilder text = new StringBuilder(VERSION);
    for (long offset : next) {
      text.append('.').append(Long.toString(offset, 36));
    }
    return text.toString();
  }

  public int partitions() {
    return next.length;
  }

  /** The next offset on {@code partition}; {@code fallback} for a partition it does not name. */
  public long next(int partition, long fallback) {
    return partition < next.length ? next[partition] : fallback;
  }

  /** This position after the record at {@code offset} on {@code partition}. */
  public ChangePosition after(int partition, long offset) {
    long[] moved = Arrays.copyOf(next, Math.max(next.length, partition + 1));
    moved[partition] = Math.max(moved[partition], offset + 1);
    return new ChangePosition(moved);
  }

  /** Each partition at the later of the two ({@code other}'s partitions beyond this one too). */
  public ChangePosition max(ChangePosition other) {
    long[] merged = Arrays.copyOf(next, Math.max(next.length, other.next.length));
    for (int p = 0; p < other.next.length; p++) {
      merged[p] = Math.max(merged[p], other.next[p]);
    }
    return new ChangePosition(merged);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChangePosition position && Arrays.equals(next, position.next);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(next);
  }

  @Override
  public String toString() {
    return text();
  }
}
