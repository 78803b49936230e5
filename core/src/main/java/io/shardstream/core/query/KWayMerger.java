package io.shardstream.core.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Serves one page of a planned search: a k-way merge of its partitions in global order, each
 * partition read lazily through a {@link PartitionReader}.
 *
 * <p>Every unfinished partition is read once at the start (in parallel on the executor), {@code
 * ceil(limit / partitions) + 1} items each; after that a partition is read again only when its next
 * unread item could be the next in global order: its even share of what the page still needs plus
 * one, doubled for each earlier refill of that partition (one that keeps winning likely holds
 * more), never more than the page can still use. No read asks for fewer than the reader's {@link
 * PartitionReader#minimumFetch()} (what one read unit holds anyway). A refill goes out in one
 * parallel wave with the refills of every other waiting partition the page is likely to reach, so a
 * page costs a few round trips, not one per refill. The {@code + 1} costs nothing in DynamoDB
 * capacity for small items (a Query response is billed in 4 KB units) and saves a sequential round
 * trip. A partition offers the merge an item only once the run of items tied with it on the range
 * key is complete, sorted by the unique property ({@link PartitionStream}); until then, or when its
 * buffer runs dry, it waits in the merge at the value the reader stands at, ahead of every item of
 * that value, so a page that fills before that value comes up costs no read there. Items another
 * index of the search emits are skipped ({@link MultiIndexDedupe}). After the page fills, just
 * enough is read to know whether anything follows, so a next cursor is returned exactly when
 * another item exists.
 */
public final class KWayMerger {
  private final PartitionReader reader;
  private final Executor fanOut;

  /** Reads the partitions' first pages one after another on the calling thread. */
  public KWayMerger(PartitionReader reader) {
    this(reader, Runnable::run);
  }

  /**
   * @param fanOut runs the first read of every partition; bound its parallelism there (e.g. a
   *     virtual-thread executor behind a semaphore)
   */
  public KWayMerger(PartitionReader reader, Executor fanOut) {
    this.reader = reader;
    this.fanOut = fanOut;
  }

  /** The page of {@code limit} items that follows {@code state}. */
  public MergedPage page(QueryPlan plan, CursorState state, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    if (state.partitions().size() != plan.partitions().size()) {
      throw new IllegalArgumentException(
          "cursor state has "
              + state.partitions().size()
              + " partitions; the plan has "
              + plan.partitions().size());
    }
    List<PartitionStream> streams = new ArrayList<>();
    for (PartitionQuery partition : plan.partitions()) {
      PartitionState partitionState = state.of(partition.position());
      if (!(partitionState instanceof PartitionState.Done)) {
        streams.add(new PartitionStream(plan, partition, reader, partitionState));
      }
    }
    Merge merge = new Merge(plan, limit, fanOut);
    merge.readFirstPages(
        streams, FirstReadSizes.of(plan, state, streams, limit, reader.minimumFetch()));
    List<Map<String, Object>> items = merge.fill();
    merge.settleHead();

    Optional<CursorState> next = Optional.empty();
    if (!merge.isEmpty()) {
      List<PartitionState> states = new ArrayList<>(state.partitions());
      streams.forEach(s -> states.set(s.query().position(), s.state()));
      next = Optional.of(new CursorState(states, merge.indexYields()));
    }
    return new MergedPage(items, next, stats(streams, merge.roundTrips()));
  }

  /** Runs {@code read} for every stream on {@code executor} and waits for all of them. */
  private static void inParallel(
      List<PartitionStream> streams, Consumer<PartitionStream> read, Executor executor) {
    if (streams.size() == 1) {
      read.accept(streams.get(0));
      return;
    }
    CompletableFuture<?>[] reads =
        streams.stream()
            .map(s -> CompletableFuture.runAsync(() -> read.accept(s), executor))
            .toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(reads).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private static QueryStats stats(List<PartitionStream> streams, int roundTrips) {
    int queried = 0;
    int requests = 0;
    int scanned = 0;
    double readUnits = 0;
    for (PartitionStream stream : streams) {
      queried += stream.requests() > 0 ? 1 : 0;
      requests += stream.requests();
      scanned += stream.scanned();
      readUnits += stream.readUnits();
    }
    return new QueryStats(queried, requests, scanned, roundTrips, readUnits);
  }

  /**
   * A partition in the merge heap: its next item, or (placeholder) a bound its items not yet ready
   * follow, of which only the value counts.
   */
  private record Head(MergeKey key, PartitionStream stream, boolean placeholder) {}

  /** The heap of partition heads for one page. */
  private static final class Merge {
    private final PriorityQueue<Head> heap;
    private final Comparator<SortValue> valueOrder;
    private final MultiIndexDedupe dedupe;
    private final int limit;
    private final Executor fanOut;
    private final List<Map<String, Object>> items = new ArrayList<>();
    private final QueryPlan plan;
    private final int[] yields;
    private int roundTrips;

    Merge(QueryPlan plan, int limit, Executor fanOut) {
      this.plan = plan;
      this.yields = new int[plan.indexes().size()];
      Comparator<MergeKey> keys =
          plan.order() == SortOrder.ASC ? Comparator.naturalOrder() : Comparator.reverseOrder();
      Comparator<SortValue> values =
          plan.order() == SortOrder.ASC ? Comparator.naturalOrder() : Comparator.reverseOrder();
      // A placeholder stands for items of its value with any unique property, and maybe later
      // ones: it comes before every item of its value.
      this.heap =
          new PriorityQueue<>(
              Comparator.comparing((Head h) -> h.key().value(), values)
                  .thenComparing(h -> !h.placeholder())
                  .thenComparing(Head::key, keys)
                  .thenComparingInt(h -> h.stream().query().position()));
      this.valueOrder = values;
      this.dedupe = new MultiIndexDedupe(plan);
      this.limit = limit;
      this.fanOut = fanOut;
    }

    /** Every unfinished partition's first page, all in one parallel wave. */
    void readFirstPages(List<PartitionStream> streams, int[] sizes) {
      if (!streams.isEmpty()) {
        Map<PartitionStream, Integer> size = new java.util.IdentityHashMap<>();
        for (int i = 0; i < sizes.length; i++) {
          size.put(streams.get(i), sizes[i]);
        }
        inParallel(streams, s -> s.fetch(size.get(s)), fanOut);
        roundTrips++;
      }
      streams.forEach(this::offer);
    }

    /** Items this page took from each index of the plan: the next page's hint. */
    List<Integer> indexYields() {
      return java.util.Arrays.stream(yields).boxed().toList();
    }

    int roundTrips() {
      return roundTrips;
    }

    void offer(PartitionStream stream) {
      while (!stream.hasBuffered() && !stream.ended()) {
        Optional<MergeKey> resume = stream.resumeKey();
        if (resume.isPresent()) {
          heap.add(new Head(resume.get(), stream, true));
          return;
        }
        stream.refill(remaining(), active());
        roundTrips++;
      }
      if (stream.hasBuffered()) {
        heap.add(new Head(stream.headKey(), stream, false));
      }
    }

    List<Map<String, Object>> fill() {
      while (items.size() < limit && !heap.isEmpty()) {
        Head head = heap.poll();
        if (head.placeholder()) {
          refillTogether(head);
          continue;
        }
        boolean elsewhere =
            dedupe.belongsElsewhere(head.stream().head(), head.stream().query(), head.key());
        Map<String, Object> item = head.stream().consume();
        if (!elsewhere) {
          items.add(item);
          yields[plan.indexes().indexOf(head.stream().query().index())]++;
        }
        offer(head.stream());
      }
      return items;
    }

    /**
     * Reads and skips until an item this search emits next is known to exist, or nothing is left:
     * the page then has a next cursor exactly when another item exists. Any partition's ready or
     * pending item that this search emits proves it, wherever it stands in the heap, so a read is
     * needed only when no partition holds one; the waiting partitions are then read together, in
     * one parallel wave.
     */
    void settleHead() {
      while (!heap.isEmpty() && !anEmittedItemFollows()) {
        Head head = heap.peek();
        if (head.placeholder()) {
          List<Head> waiting = heap.stream().filter(Head::placeholder).toList();
          heap.removeAll(waiting);
          int active = active();
          List<PartitionStream> streams = waiting.stream().map(Head::stream).toList();
          inParallel(streams, s -> s.refill(0, active), fanOut);
          roundTrips++;
          streams.forEach(this::offer);
        } else {
          // No emitted item follows anywhere, so this one is another index's: skip it.
          heap.poll();
          head.stream().consume();
          offer(head.stream());
        }
      }
    }

    /** Whether a partition holds an item read (ready or pending) that this search emits. */
    private boolean anEmittedItemFollows() {
      for (Head head : heap) {
        PartitionQuery query = head.stream().query();
        if (head.stream().anyRead((item, key) -> !dedupe.belongsElsewhere(item, query, key))) {
          return true;
        }
      }
      return false;
    }

    /**
     * Refills the partition at the head of the merge and, in the same parallel wave, every other
     * waiting partition the page is likely to reach: one whose wait value has fewer items ready
     * ahead of it than the page still needs. Without this every refill is a round trip of its own,
     * one after another; the guess only costs items read when another partition's unread items fill
     * the page first. The merge stays exact whatever is read: it only ever takes heads in order.
     */
    private void refillTogether(Head head) {
      List<Head> waiting = new ArrayList<>();
      waiting.add(head);
      int remaining = remaining();
      for (Head other : heap) {
        if (other.placeholder() && readyAhead(other.key(), remaining) < remaining) {
          waiting.add(other);
        }
      }
      int active = active();
      waiting.stream().skip(1).forEach(heap::remove);
      List<PartitionStream> streams = waiting.stream().map(Head::stream).toList();
      inParallel(streams, s -> s.refill(remaining, active), fanOut);
      roundTrips++;
      streams.forEach(this::offer);
    }

    /**
     * Items ready in the merge's streams that come before {@code bound}, counted up to {@code cap}.
     */
    private int readyAhead(MergeKey bound, int cap) {
      int ahead = 0;
      for (Head other : heap) {
        ahead += other.stream().readyBefore(bound.value(), valueOrder, cap - ahead);
        if (ahead >= cap) {
          break;
        }
      }
      return ahead;
    }

    boolean isEmpty() {
      return heap.isEmpty();
    }

    /** Partitions that may still contribute: each is in the heap once. */
    private int active() {
      return heap.size() + 1;
    }

    private int remaining() {
      return limit - items.size();
    }
  }
}
