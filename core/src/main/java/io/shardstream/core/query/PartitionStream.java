package io.shardstream.core.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * One partition's items during one page, in the search's order: the items read and not yet
 * consumed, the last item consumed (popped from the merge, whether emitted or skipped as another
 * index's), and what the reads cost. Not thread-safe; the merger fetches each stream from one
 * thread at a time.
 *
 * <p><b>Ties.</b> DynamoDB returns a partition in range key order, but items whose range keys tie
 * (a run) come in an order of its own, not by table range key. So an item is released to the merge
 * only when its whole run is known, that is, once an item (or LastEvaluatedKey) beyond its value
 * was evaluated or the partition ended; the run is then released sorted by table range key (the
 * unique property). Until then the run waits as {@code pending} and the merge sees the stream as a
 * placeholder at the run's value. When the merge needs the stream while two or more items wait
 * there (a run of ties, maybe long), the run is read whole with a Query for {@code range key =
 * value} (which evaluates nothing else, so at a large Limit), and the partition's own query then
 * goes on after the run. Memory per stream is therefore what the reads returned and the page did
 * not consume, plus the whole run at the read frontier, however long it is.
 *
 * <p><b>Resuming.</b> {@link PartitionState.Past} resumes with the partition's own query from an
 * ExclusiveStartKey at the consumed value (any item of that value that comes back is dropped).
 * {@link PartitionState.At} (the page ended inside a run) first reads that run again whole, drops
 * what was consumed, and then goes on after the run: DynamoDB's tie order cannot say where a run's
 * unconsumed items are, so every page that starts inside a run of {@code n} ties reads all {@code
 * n} (paging through it with limit {@code l} reads about {@code n²/l}).
 *
 * <p>Nothing here relies on DynamoDB's tie order beyond its being the same on every read of one
 * query (so that pages of a run resume without loss or repetition): start keys built at a value
 * only need DynamoDB to order by value first.
 */
final class PartitionStream {
  /** The Limit of a read of a run of ties (DynamoDB sends at most 1 MB per page anyway). */
  static final int RUN_FETCH = 1000;

  private final QueryPlan plan;
  private final PartitionQuery query;
  private final PartitionReader reader;
  private final PartitionState initial;
  private final Comparator<MergeKey> order;

  /**
   * Items of this range key value that the partition's own query returns are dropped: their run was
   * consumed before this page ({@code Past}) or read whole by a query for it.
   */
  private KeyValue dropValue;

  /** Reading the run at {@code frontier} whole: {@code reading} is the query for that value. */
  private boolean inRun;

  /** In a run read from an {@code At} cursor: the last table range key consumed before. */
  private String runConsumedThrough;

  /** In a run read begun with items of it pending: their table range keys. */
  private Set<String> runAlreadyRead = Set.of();

  /** The query read next: the partition's, or a run of it. */
  private PartitionQuery reading;

  private Optional<StartKey> next;
  private boolean ended;

  /** Items whose runs are complete, in the search's order. */
  private final ArrayDeque<Entry> ready = new ArrayDeque<>();

  /** The items of the run at the frontier, in DynamoDB's order: its end is not known yet. */
  private final List<Entry> pending = new ArrayList<>();

  /** The range key value of the last item DynamoDB evaluated; null before any. */
  private KeyValue frontier;

  /** The table range key of that item: where DynamoDB's scan of the frontier's run stands. */
  private String frontierTail;

  private Entry consumed;
  private int refills;
  private int requests;
  private int scanned;
  private double readUnits;

  /**
   * An item read, where it stands, and (once its run is complete) the table range key of the run's
   * last item in DynamoDB's scan order.
   */
  private record Entry(Map<String, Object> item, Position position, MergeKey key, String runTail) {}

  PartitionStream(
      QueryPlan plan, PartitionQuery query, PartitionReader reader, PartitionState initial) {
    this.plan = plan;
    this.query = query;
    this.reader = reader;
    this.initial = initial;
    this.order =
        plan.order() == SortOrder.ASC ? Comparator.naturalOrder() : Comparator.reverseOrder();
    this.reading = query;
    this.next = Optional.empty();
    switch (initial) {
      case PartitionState.At at -> {
        frontier = at.position().rangeKey();
        runConsumedThrough = at.position().tableRangeKey();
        inRun = true;
        reading = query.tiedAt(frontier);
      }
      case PartitionState.Past past -> {
        frontier = past.position().rangeKey();
        frontierTail = past.position().tableRangeKey();
        dropValue = frontier;
        next = Optional.of(plan.startKey(query, past.position()));
      }
      case PartitionState.NotStarted notStarted -> {}
      case PartitionState.Done done ->
          throw new IllegalArgumentException("a finished partition has no stream");
    }
  }

  PartitionQuery query() {
    return query;
  }

  /**
   * Reads the next page of {@code size} items; the filters apply as items arrive. A run of ties is
   * read {@value #RUN_FETCH} at a time instead: all of it is needed, and a Query for {@code range
   * key = value} evaluates nothing else.
   */
  void fetch(int size) {
    PartitionQuery read = reading;
    Optional<StartKey> from = next;
    PartitionPage page = reader.read(read, from, inRun ? Math.max(size, RUN_FETCH) : size);
    requests++;
    scanned += page.scannedCount();
    readUnits += page.readUnits();
    for (Map<String, Object> item : page.items()) {
      Position position = plan.positionOf(query, item);
      advance(position);
      if (!readBefore(position) && query.filters().stream().allMatch(f -> f.matches(item))) {
        pending.add(new Entry(item, position, plan.mergeKey(query, position), null));
      }
    }
    next = page.lastEvaluatedKey();
    next.flatMap(key -> plan.positionOf(query, key)).ifPresent(this::advance);
    if (next.isEmpty()) {
      release();
      if (inRun) {
        // The run is known whole: go on with the partition's own query, right after the run.
        inRun = false;
        reading = query;
        dropValue = frontier;
        next =
            Optional.of(
                plan.startKey(
                    query,
                    new Position(
                        frontier, Objects.requireNonNullElse(frontierTail, runConsumedThrough))));
        runConsumedThrough = null;
        runAlreadyRead = Set.of();
      } else {
        ended = true;
      }
    } else if (page.items().isEmpty() && page.scannedCount() == 0 && next.equals(from)) {
      throw new IllegalStateException("partition reader made no progress on " + read);
    }
  }

  /**
   * Reads more when the merge needs this partition's next item: its even share of what the page
   * still needs, plus one to see the next head; doubled for each earlier refill, as a partition
   * that keeps winning likely holds more of the page; never more than the page can still use. Or,
   * when ties wait at the frontier, their whole run.
   */
  void refill(int remaining, int activePartitions) {
    if (!inRun && pending.size() >= 2) {
      // Ties at the frontier, maybe many: read their run whole at once (again from its start, as
      // DynamoDB's tie order may differ from one key condition to another), then go on after it.
      inRun = true;
      reading = query.tiedAt(frontier);
      next = Optional.empty();
      runAlreadyRead = new HashSet<>();
      pending.forEach(e -> runAlreadyRead.add(e.position().tableRangeKey()));
    }
    long share = (remaining + activePartitions - 1L) / Math.max(1, activePartitions) + 1;
    long size = Math.min(share << Math.min(refills, 20), remaining + 1L);
    refills++;
    fetch((int) Math.max(reader.minimumFetch(), size));
  }

  /** Whether an item is ready for the merge: its run is complete. */
  boolean hasBuffered() {
    return !ready.isEmpty();
  }

  boolean ended() {
    return ended;
  }

  Map<String, Object> head() {
    return ready.peekFirst().item();
  }

  /**
   * How many ready items have a value before {@code bound} in {@code order} (a waiting partition
   * stands before every item of its value), counting no further than {@code cap}.
   */
  int readyBefore(SortValue bound, Comparator<SortValue> order, int cap) {
    int count = 0;
    for (Entry entry : ready) {
      if (count >= cap || order.compare(entry.key().value(), bound) >= 0) {
        break;
      }
      count++;
    }
    return count;
  }

  MergeKey headKey() {
    return ready.peekFirst().key();
  }

  /**
   * A bound every item not yet ready follows: only its value counts (the items of the run at the
   * frontier may have any table range key), so the merge ranks it before every item of that value.
   * Empty when nothing was evaluated yet or nothing follows.
   */
  Optional<MergeKey> resumeKey() {
    if (ended || frontier == null) {
      return Optional.empty();
    }
    return Optional.of(plan.mergeKey(query, new Position(frontier, "")));
  }

  /** Whether an item read and not yet consumed (ready, or pending its run) passes {@code test}. */
  boolean anyRead(BiPredicate<Map<String, Object>, MergeKey> test) {
    return ready.stream().anyMatch(e -> test.test(e.item(), e.key()))
        || pending.stream().anyMatch(e -> test.test(e.item(), e.key()));
  }

  Map<String, Object> consume() {
    consumed = ready.pollFirst();
    return consumed.item();
  }

  /** Where the next page resumes this partition. */
  PartitionState state() {
    if (ready.isEmpty() && pending.isEmpty() && ended) {
      return PartitionState.DONE;
    }
    if (consumed == null) {
      return initial;
    }
    Position at = consumed.position();
    if (!ready.isEmpty() && ready.peekFirst().position().rangeKey().equals(at.rangeKey())) {
      return new PartitionState.At(at);
    }
    return new PartitionState.Past(new Position(at.rangeKey(), consumed.runTail()));
  }

  int requests() {
    return requests;
  }

  int scanned() {
    return scanned;
  }

  double readUnits() {
    return readUnits;
  }

  /** DynamoDB evaluated an item (or stopped) at {@code position}: a new value completes a run. */
  private void advance(Position position) {
    KeyValue value = position.rangeKey();
    if (frontier != null && !frontier.equals(value)) {
      if (order.compare(plan.mergeKey(query, new Position(value, "")), frontierBound()) < 0) {
        throw new IllegalStateException(
            "partition reader went back in range key order on "
                + query
                + ": "
                + value
                + " after "
                + frontier);
      }
      release();
    }
    frontier = value;
    frontierTail = position.tableRangeKey();
  }

  private MergeKey frontierBound() {
    return plan.mergeKey(query, new Position(frontier, ""));
  }

  /** The pending run is complete: sorted by table range key, its items become ready. */
  private void release() {
    if (pending.isEmpty()) {
      return;
    }
    pending.sort(Comparator.comparing(Entry::key, order));
    for (Entry entry : pending) {
      ready.addLast(new Entry(entry.item(), entry.position(), entry.key(), frontierTail));
    }
    pending.clear();
  }

  /** Whether an item was read (or consumed) before: a run's again, or a consumed run's. */
  private boolean readBefore(Position position) {
    if (!inRun) {
      return position.rangeKey().equals(dropValue);
    }
    if (runConsumedThrough != null) {
      int c = Values.compareUtf8(position.tableRangeKey(), runConsumedThrough);
      if (plan.order() == SortOrder.ASC ? c <= 0 : c >= 0) {
        return true;
      }
    }
    return runAlreadyRead.contains(position.tableRangeKey());
  }

  @Override
  public String toString() {
    return "PartitionStream[" + query.position() + ", " + Objects.toString(frontier) + "]";
  }
}
