package io.shardstream.core.query;

import java.util.Arrays;
import java.util.List;

/**
 * How many items each partition's first read of a page asks for.
 *
 * <p>A partition read too little is read again once the merge reaches its end, a second round trip
 * for the whole page; one read too much costs items read. A first page knows nothing of the data:
 * every partition gets its even share of the page plus one, at least the reader's {@link
 * PartitionReader#minimumFetch()}. A later page knows from its cursor how many items the previous
 * page took from each index ({@link CursorState#indexYields()}): the items of a search's page come
 * from each index at about the same rate page after page (a name prefix matches mostly last names,
 * or mostly first names), spread evenly over the index's shards. So a partition of index {@code i}
 * expects {@code λ = yield_i / shards_i × limit / previous page size} of the page's items (half an
 * item more in the count, as a yield of 0 is an estimate too), and reads the fewest items {@code k}
 * for which needing more than it read, {@code P(Poisson(λ) ≥ k)}, is at most {@value #MISS}: the
 * few partitions that feed the page read more and the many that do not read one or two items. The
 * first reads together never ask for more than the even sizes of all the plan's partitions
 * (finished ones included) would (the largest give way), so a page never reads more up front than a
 * first page. Whatever the sizes, the page is the same (the merge is exact); only its cost differs.
 */
final class FirstReadSizes {
  /** The chance a partition runs out before the page fills, per partition. */
  static final double MISS = 0.04;

  private FirstReadSizes() {}

  /** The first read size of each stream, in the order given. */
  static int[] of(
      QueryPlan plan,
      CursorState state,
      List<PartitionStream> streams,
      int limit,
      int minimumFetch) {
    int[] sizes = new int[streams.size()];
    int even = Math.max(minimumFetch, evenShare(limit, streams.size()));
    long budget = (long) even * plan.partitions().size();
    List<Integer> yields = state.indexYields();
    int previous = yields.stream().mapToInt(Integer::intValue).sum();
    if (yields.size() != plan.indexes().size() || previous == 0) {
      Arrays.fill(sizes, even + 1);
      fitBudget(sizes, budget);
      return sizes;
    }
    int[] shards = new int[yields.size()];
    streams.forEach(s -> shards[indexPosition(plan, s)]++);
    for (int i = 0; i < sizes.length; i++) {
      int index = indexPosition(plan, streams.get(i));
      double expected = (yields.get(index) + 0.5) / shards[index] * limit / previous;
      sizes[i] = Math.min(limit + 1, enoughFor(expected));
    }
    fitBudget(sizes, budget);
    return sizes;
  }

  /**
   * Takes one item at a time from the largest reads until they read no more than {@code budget}.
   */
  static void fitBudget(int[] sizes, long budget) {
    long total = Arrays.stream(sizes).asLongStream().sum();
    while (total > budget) {
      int largest = 0;
      for (int i = 1; i < sizes.length; i++) {
        if (sizes[i] > sizes[largest]) {
          largest = i;
        }
      }
      if (sizes[largest] <= 1) {
        return;
      }
      sizes[largest]--;
      total--;
    }
  }

  /** Enough for the page if partitions share it evenly, and one more to see what follows. */
  static int evenShare(int limit, int partitions) {
    return partitions == 0 ? 1 : (limit + partitions - 1) / partitions + 1;
  }

  /** The smallest {@code k ≥ 1} with {@code P(Poisson(mean) ≥ k) ≤ MISS}. */
  static int enoughFor(double mean) {
    double term = Math.exp(-mean);
    double atMost = term;
    int k = 1;
    while (1 - atMost > MISS && k < 10_000) {
      term *= mean / k;
      atMost += term;
      k++;
    }
    return k;
  }

  private static int indexPosition(QueryPlan plan, PartitionStream stream) {
    return plan.indexes().indexOf(stream.query().index());
  }
}
