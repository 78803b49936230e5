package io.shardstream.queryapi;

import io.shardstream.core.query.SortOrder;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The paging parameters every search takes: {@code order} (asc | desc, default asc), {@code limit}
 * (1 to the configured maximum, default {@link #DEFAULT_LIMIT} or the maximum if lower) and {@code
 * cursor} (the {@code nextCursor} of the previous page, unchanged).
 */
record PageRequest(SortOrder order, int limit, Optional<String> cursor) {
  static final int DEFAULT_LIMIT = 25;
  static final String ORDER = "order";
  static final String LIMIT = "limit";
  static final Set<String> PARAMETERS = Set.of(ORDER, LIMIT, QueryParameters.CURSOR);

  static PageRequest read(QueryParameters parameters, int maxLimit) {
    SortOrder order = parameters.parsed(ORDER, PageRequest::order).orElse(SortOrder.ASC);
    int limit =
        parameters
            .parsed(LIMIT, text -> limit(text, maxLimit))
            .orElse(Math.min(DEFAULT_LIMIT, maxLimit));
    Optional<String> cursor = parameters.text(QueryParameters.CURSOR);
    return new PageRequest(order, limit, cursor);
  }

  static SortOrder order(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "asc" -> SortOrder.ASC;
      case "desc" -> SortOrder.DESC;
      default -> throw new IllegalArgumentException("must be asc or desc");
    };
  }

  private static int limit(String text, int maxLimit) {
    if (text.matches("[0-9]{1,9}")) {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= maxLimit) {
        return limit;
      }
    }
    throw new IllegalArgumentException("must be a whole number from 1 to " + maxLimit);
  }
}
