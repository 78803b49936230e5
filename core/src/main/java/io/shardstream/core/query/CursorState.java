package io.shardstream.core.query;

import java.util.Collections;
import java.util.List;

/** Per partition of a plan (by position), how far the search has read: what a cursor carries. */
public record CursorState(List<PartitionState> partitions) {
  public CursorState {
    partitions = List.copyOf(partitions);
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
