package io.shardstream.core.query;

import io.shardstream.core.keys.EntityManager;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Plan, decode the cursor, merge, encode the next cursor: for callers that need no step apart.
 * Stateless: any instance sharing the cursor key can serve any page.
 */
public final class Searcher {
  private final EntityManager manager;
  private final KWayMerger merger;
  private final CursorCodec cursors;

  public Searcher(
      EntityManager manager, PartitionReader reader, CursorCodec cursors, Executor fanOut) {
    this.manager = manager;
    this.merger = new KWayMerger(reader, fanOut);
    this.cursors = cursors;
  }

  public Searcher(EntityManager manager, PartitionReader reader, CursorCodec cursors) {
    this(manager, reader, cursors, Runnable::run);
  }

  /**
   * @throws QueryException when the request cannot be planned
   * @throws CursorException when the cursor cannot resume this request
   */
  public SearchPage search(SearchRequest request, Optional<String> cursor) {
    QueryPlan plan = QueryPlanner.plan(manager, request);
    CursorState state =
        cursor.map(c -> cursors.decode(c, plan)).orElseGet(() -> CursorState.start(plan));
    MergedPage page = merger.page(plan, state, request.limit());
    return new SearchPage(
        page.items(), page.next().map(s -> cursors.encode(plan, s)), page.stats());
  }
}
