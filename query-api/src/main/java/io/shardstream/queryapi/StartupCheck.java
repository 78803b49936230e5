package io.shardstream.queryapi;

import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.query.QueryException;
import io.shardstream.core.query.QueryPlanner;
import io.shardstream.core.query.SearchRequest;
import io.shardstream.core.query.SortOrder;
import io.shardstream.core.query.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans one search of every kind the routes make, so an entity configuration without the entities
 * or indexes they need fails at start, listing them, instead of on the first request.
 */
final class StartupCheck {
  private static final PageRequest PAGE = new PageRequest(SortOrder.ASC, 1, Optional.empty());

  private StartupCheck() {}

  /**
   * @throws IllegalStateException listing every search the configuration cannot serve
   */
  static void requireSearchable(EntityManager manager) {
    List<String> problems = new ArrayList<>();
    for (SearchRequest request : representativeSearches()) {
      try {
        QueryPlanner.plan(manager, request);
      } catch (QueryException e) {
        problems.add(request.entity() + " by " + request.indexes() + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "the entity configuration cannot serve the query API's "
              + "routes (they are written for the seed User/Email configuration):\n  "
              + String.join("\n  ", problems));
    }
  }

  private static List<SearchRequest> representativeSearches() {
    List<SearchRequest> searches = new ArrayList<>();
    for (Caller caller : List.of(Caller.UNRESTRICTED, new Caller(Optional.of("b")))) {
      for (UserSort sort : UserSort.values()) {
        Optional<NameQuery> name =
            sort == UserSort.NAME ? Optional.of(NameQuery.parse("a b")) : Optional.empty();
        searches.add(
            new UserSearch(
                    name,
                    Optional.empty(),
                    Optional.of("1"),
                    new TimeWindow(0, 1),
                    Optional.of(0L),
                    Optional.of(1L),
                    sort,
                    PAGE)
                .toRequest(caller));
      }
    }
    searches.add(new EmailSearch(Optional.of("u"), TimeWindow.ALL, PAGE).toRequest());
    searches.add(new EmailSearch(Optional.empty(), TimeWindow.ALL, PAGE).toRequest());
    return searches;
  }
}
