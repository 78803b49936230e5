package io.shardstream.queryapi;

import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.query.QueryException;
import io.shardstream.core.query.QueryPlanner;
import io.shardstream.core.query.SearchRequest;
import io.shardstream.core.query.SortOrder;
import io.shardstream.core.query.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans one search per index the routes derive from the configuration ({@link ApiModel}), so a
 * configuration whose indexes the planner cannot read fails at start, listing them, instead of on
 * the first request. Nothing else is required of a configuration: an entity without indexes is
 * served by id (and, when co-located, under its parent).
 */
final class StartupCheck {
  private StartupCheck() {}

  /**
   * @throws IllegalStateException listing every search the configuration cannot serve
   */
  static void requireSearchable(EntityManager manager, ApiModel model) {
    List<String> problems = new ArrayList<>();
    for (ApiEntity entity : model.entities().values()) {
      for (SearchFamily family : entity.families()) {
        for (Map.Entry<Set<String>, String> index : family.indexByScope().entrySet()) {
          SearchRequest.Builder request =
              SearchRequest.builder(entity.token())
                  .order(SortOrder.ASC)
                  .limit(1)
                  .window(TimeWindow.ALL)
                  .index(index.getValue());
          index.getKey().forEach(property -> request.hashKeyValue(property, "v"));
          try {
            QueryPlanner.plan(manager, request.build());
          } catch (QueryException e) {
            problems.add(entity.token() + " by " + index.getValue() + ": " + e.getMessage());
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "the entity configuration cannot serve the query API's searches:\n  "
              + String.join("\n  ", problems));
    }
  }
}
