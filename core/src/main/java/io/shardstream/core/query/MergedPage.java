package io.shardstream.core.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a search in global order.
 *
 * @param items exactly the limit, fewer only on the last page; as stored (with their keys)
 * @param next the state to resume from; empty when nothing remains
 */
public record MergedPage(
    List<Map<String, Object>> items, Optional<CursorState> next, QueryStats stats) {
  public MergedPage {
    items = List.copyOf(items);
  }
}
