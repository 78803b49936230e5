package io.shardstream.core.query;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One partition's items during one page: a buffer filled page by page from the reader, the last
 * item consumed (popped from the merge, whether emitted or skipped as another index's), and what
 * the reads cost. Not thread-safe; the merger fetches each stream from one thread at a time.
 */
final class PartitionStream {
  private final QueryPlan plan;
  private final PartitionQuery query;
  private final PartitionReader reader;
  private final PartitionState initial;
  private final ArrayDeque<Map<String, Object>> buffer = new ArrayDeque<>();
  private Optional<StartKey> next;
  private boolean ended;
  private int refills;
  private Position consumed;
  private MergeKey headKey;
  private int requests;
  private int scanned;

  PartitionStream(
      QueryPlan plan, PartitionQuery query, PartitionReader reader, PartitionState initial) {
    this.plan = plan;
    this.query = query;
    this.reader = reader;
    this.initial = initial;
    this.next =
        initial instanceof PartitionState.At at
            ? Optional.of(plan.startKey(query, at.position()))
            : Optional.empty();
  }

  PartitionQuery query() {
    return query;
  }

  /** Reads the next page of {@code size} items; the filters apply as items arrive. */
  void fetch(int size) {
    Optional<StartKey> from = next;
    PartitionPage page = reader.read(query, from, size);
    requests++;
    scanned += page.scannedCount();
    for (Map<String, Object> item : page.items()) {
      if (query.filters().stream().allMatch(f -> f.matches(item))) {
        buffer.addLast(item);
      }
    }
    next = page.lastEvaluatedKey();
    ended = next.isEmpty();
    if (page.items().isEmpty()
        && page.scannedCount() == 0
        && Objects.equals(next, from)
        && !ended) {
      throw new IllegalStateException("partition reader made no progress on " + query);
    }
    headKey = null;
  }

  /**
   * Reads more when the merge needs this partition's next item: its even share of what the page
   * still needs, plus one to see the next head; doubled for each earlier refill, as a partition
   * that keeps winning likely holds more of the page; never more than the page can still use.
   */
  void refill(int remaining, int activePartitions) {
    long share = (remaining + activePartitions - 1L) / Math.max(1, activePartitions) + 1;
    long size = Math.min(share << Math.min(refills, 20), remaining + 1L);
    refills++;
    fetch((int) Math.max(1, size));
  }

  boolean hasBuffered() {
    return !buffer.isEmpty();
  }

  boolean ended() {
    return ended;
  }

  Map<String, Object> head() {
    return buffer.peekFirst();
  }

  MergeKey headKey() {
    if (headKey == null) {
      headKey = plan.mergeKey(query, plan.positionOf(query, buffer.peekFirst()));
    }
    return headKey;
  }

  /** A key every unread item follows: where the reader will resume, when it says. */
  Optional<MergeKey> resumeKey() {
    return next.flatMap(key -> plan.positionOf(query, key)).map(p -> plan.mergeKey(query, p));
  }

  Map<String, Object> consume() {
    Map<String, Object> item = buffer.pollFirst();
    consumed = plan.positionOf(query, item);
    headKey = null;
    return item;
  }

  /** Where the next page resumes this partition. */
  PartitionState state() {
    if (buffer.isEmpty() && ended) {
      return PartitionState.DONE;
    }
    return consumed != null ? new PartitionState.At(consumed) : initial;
  }

  int requests() {
    return requests;
  }

  int scanned() {
    return scanned;
  }
}
