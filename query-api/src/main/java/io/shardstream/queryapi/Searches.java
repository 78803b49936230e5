package io.shardstream.queryapi;

import io.shardstream.core.query.CursorException;
import io.shardstream.core.query.QueryException;
import io.shardstream.core.query.SearchPage;
import io.shardstream.core.query.SearchRequest;
import io.shardstream.core.query.Searcher;
import io.shardstream.service.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs a search and shapes its page for the client: items, next cursor, cost. */
final class Searches {
  private final Searcher searcher;
  private final ItemViews views;
  private final QueryMetrics metrics;

  Searches(Searcher searcher, ItemViews views, QueryMetrics metrics) {
    this.searcher = searcher;
    this.views = views;
    this.metrics = metrics;
  }

  /**
   * {@code {"items": [...], "nextCursor": "..." (absent on the last page), "stats": {...}}}, items
   * masked for {@code caller}.
   *
   * @throws ProblemException 400 for a cursor that cannot resume this search, or a search the
   *     planner refuses
   */
  Map<String, Object> page(SearchRequest request, Optional<String> cursor, Caller caller) {
    SearchPage page;
    try {
      page = searcher.search(request, cursor);
    } catch (CursorException e) {
      throw new ProblemException(
          ProblemType.of(e.kind())
              .problem(e.getMessage())
              .with(
                  "errors",
                  List.of(Map.of("parameter", QueryParameters.CURSOR, "message", e.getMessage()))));
    } catch (QueryException e) {
      throw new ProblemException(ProblemType.INVALID_SEARCH.problem(e.getMessage()));
    }
    metrics.searched(request.entity(), page.stats());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "items", page.items().stream().map(i -> views.view(request.entity(), i, caller)).toList());
    page.cursor().ifPresent(c -> body.put("nextCursor", c));
    body.put("stats", stats(page));
    return body;
  }

  /** The answer to a search whose result is known to be empty without reading anything. */
  static Map<String, Object> emptyPage() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", List.of());
    body.put(
        "stats",
        Map.of("partitionsQueried", 0, "dynamoRequests", 0, "itemsRead", 0, "roundTrips", 0));
    return body;
  }

  private static Map<String, Object> stats(SearchPage page) {
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("partitionsQueried", page.stats().partitionsQueried());
    stats.put("dynamoRequests", page.stats().readRequests());
    stats.put("itemsRead", page.stats().itemsRead());
    stats.put("roundTrips", page.stats().roundTrips());
    return stats;
  }
}
