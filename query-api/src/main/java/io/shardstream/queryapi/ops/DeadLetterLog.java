package io.shardstream.queryapi.ops;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dead-letter topic holds, in memory: a count per reason over every record read, and the
 * latest {@code capacity} records (the oldest dropped first). One reader adds, any thread reads.
 */
public final class DeadLetterLog {
  private final int capacity;
  private final Map<String, Long> counts = new HashMap<>();
  private final ArrayDeque<DeadLetter> latest;
  private long total;

  public DeadLetterLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    this.latest = new ArrayDeque<>(capacity);
  }

  public synchronized void add(DeadLetter letter) {
    counts.merge(letter.reason(), 1L, Long::sum);
    total++;
    if (latest.size() == capacity) {
      latest.removeFirst();
    }
    latest.addLast(letter);
  }

  /** Forgets everything (the topic is read again from its beginning). */
  public synchronized void clear() {
    counts.clear();
    latest.clear();
    total = 0;
  }

  public synchronized Snapshot snapshot() {
    List<ReasonCount> byReason =
        counts.entrySet().stream()
            .map(e -> new ReasonCount(e.getKey(), e.getValue()))
            .sorted(
                Comparator.comparingLong(ReasonCount::count)
                    .reversed()
                    .thenComparing(ReasonCount::reason))
            .toList();
    List<DeadLetter> newestFirst = new ArrayList<>(latest);
    java.util.Collections.reverse(newestFirst);
    return new Snapshot(total, byReason, newestFirst);
  }

  public record ReasonCount(String reason, long count) {}

  /**
   * @param byReason most frequent first (then by reason)
   * @param latest newest first
   */
  public record Snapshot(long total, List<ReasonCount> byReason, List<DeadLetter> latest) {}
}
