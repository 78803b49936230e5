package io.shardstream.bench.query;

import io.shardstream.bench.BenchException;
import io.shardstream.bench.items.UserItem;
import io.shardstream.core.query.SearchPage;
import io.shardstream.core.query.SearchRequest;
import io.shardstream.core.query.Searcher;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pages through one search to its end and compares what came back with the generated users it
 * should find: each exactly once, every page full but the last. Doubles as warm-up.
 */
final class ExactnessCheck {
  private ExactnessCheck() {}

  /** What the check saw. */
  record Result(String side, int session, int items, int pages) {
    String describe() {
      return String.format(
          Locale.ROOT,
          "%s: paged session %d to its end: %,d items in %,d pages, each expected item once",
          side,
          session,
          items,
          pages);
    }
  }

  /**
   * @throws BenchException when the pages differ from the expected users
   */
  static Result run(
      Searcher searcher, SearchSide side, int session, int limit, List<UserItem> users) {
    Set<String> expected = new HashSet<>();
    for (UserItem user : users) {
      if (side.matches(session, user)) {
        expected.add(user.userId());
      }
    }
    SearchRequest request = side.request(session, limit);
    Set<String> seen = new HashSet<>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      SearchPage page = searcher.search(request, cursor);
      pages++;
      cursor = page.cursor();
      if (cursor.isPresent() && page.items().size() != limit) {
        throw new BenchException(
            side.name()
                + ": page "
                + pages
                + " has "
                + page.items().size()
                + " items, not "
                + limit
                + ", and is not the last");
      }
      for (Map<String, Object> item : page.items()) {
        String userId = (String) item.get("userId");
        if (!seen.add(userId)) {
          throw new BenchException(side.name() + ": user " + userId + " came twice");
        }
        if (!expected.contains(userId)) {
          throw new BenchException(side.name() + ": user " + userId + " does not match the search");
        }
      }
    } while (cursor.isPresent());
    if (!seen.equals(expected)) {
      throw new BenchException(
          side.name()
              + ": the search returned "
              + seen.size()
              + " users; "
              + expected.size()
              + " match");
    }
    return new Result(side.name(), session, seen.size(), pages);
  }
}
