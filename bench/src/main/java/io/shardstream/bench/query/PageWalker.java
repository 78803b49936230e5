package io.shardstream.bench.query;

import io.shardstream.core.query.SearchPage;
import io.shardstream.core.query.Searcher;
import java.util.Optional;

/**
 * Pages through one side's searches the way a client does: a first page, then the cursor of each
 * page for the next, up to {@code depth} pages or the last page, then the next session's search
 * from its first page. Not thread-safe.
 */
final class PageWalker {
  private final Searcher searcher;
  private final SearchSide side;
  private final int limit;
  private final int depth;
  private int session;
  private int pagesInSession;
  private Optional<String> cursor = Optional.empty();

  PageWalker(Searcher searcher, SearchSide side, int limit, int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1, got " + depth);
    }
    this.searcher = searcher;
    this.side = side;
    this.limit = limit;
    this.depth = depth;
  }

  SearchSide side() {
    return side;
  }

  /** Serves the next page and times it. */
  PageSample next() {
    var request = side.request(session, limit);
    boolean first = cursor.isEmpty();
    long start = System.nanoTime();
    SearchPage page = searcher.search(request, cursor);
    long nanos = System.nanoTime() - start;
    pagesInSession++;
    if (page.cursor().isEmpty() || pagesInSession >= depth) {
      session++;
      pagesInSession = 0;
      cursor = Optional.empty();
    } else {
      cursor = page.cursor();
    }
    return new PageSample(nanos, first, page.items().size(), page.stats());
  }
}
