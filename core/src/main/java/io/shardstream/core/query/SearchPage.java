package io.shardstream.core.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a search as the API returns it.
 *
 * @param cursor resumes the search after this page; empty on the last page
 */
public record SearchPage(
    List<Map<String, Object>> items, Optional<String> cursor, QueryStats stats) {
  public SearchPage {
    items = List.copyOf(items);
  }
}
