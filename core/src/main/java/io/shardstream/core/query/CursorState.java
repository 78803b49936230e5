package io.shardstream.core.query;

import java.util.Collections;
import java.util.List;

/**
 * Per partition of a plan (by position), how far the search has read: what a cursor carries.
 *
 * @param indexYields per index of the plan (in {@link QueryPlan#indexes()} order), how many items
 *     the previous page took from it; empty when unknown (a first page, or a cursor without them).
 *     Only a hint for sizing the next page's first reads ({@link FirstReadSizes}): any value gives
 *     the same, exact page.
 */
public record CursorState(List<PartitionState> partitions, List<Integer> indexYields) {
  public CursorState {
    partitions = List.copyOf(partitions);
    indexYields = List.copyOf(indexYields);
  }

  public CursorState(List<PartitionState> partitions) {
    this(partitions, List.of());
  }

  /** The first page's state: nothing read anywhere. */
  public static CursorState start(QueryPlan plan) {
    return new CursorState(
        Collections.nCopies(plan.partitions().size(), PartitionState.NOT_STARTED));
  }

  public PartitionState of(int position) {
    return partitions.get(position);
  }
}
