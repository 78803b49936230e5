package io.shardstream.core.query;

import static io.shardstream.core.query.Users.BUMP_16;
import static io.shardstream.core.query.Users.END;
import static io.shardstream.core.query.Users.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A page reads little more than it returns: a name search over 16 shards × 2 indexes, paged at
 * several sizes, reads per page a small multiple of the page size (at least one item per partition
 * is unavoidable: every partition's head must be known).
 */
class FetchEfficiencyTest {
  private static final List<Map<String, Object>> USERS =
      Users.random(11, 4000, "abcd", BUMP_16, END);

  @Test
  void itemsReadPerPageStayWithinASmallFactorOfTheLimit() {
    Searcher searcher =
        new Searcher(
            MANAGER, new InMemoryPartitionReader(Users.CONFIG, USERS), new CursorCodec(Users.KEY));
    SearchRequest request = Users.nameSearch("a").window(BUMP_16, END).build();
    assertThat(QueryPlanner.plan(MANAGER, request).partitions()).hasSize(32);
    for (int limit : List.of(10, 25, 50, 100)) {
      int items = 0;
      int read = 0;
      int requests = 0;
      double worst = 0;
      Optional<String> cursor = Optional.empty();
      for (int page = 0; page < 8; page++) {
        SearchPage result = searcher.search(request.withLimit(limit), cursor);
        assertThat(result.items()).hasSize(limit);
        items += result.items().size();
        read += result.stats().itemsRead();
        requests += result.stats().readRequests();
        worst = Math.max(worst, result.stats().itemsRead() / (double) limit);
        cursor = result.cursor();
      }
      double ratio = read / (double) items;
      System.out.printf(
          "fetch: 32 partitions, limit %3d: %.2f items read per item returned "
              + "(worst page %.2f), %.1f requests per page%n",
          limit, ratio, worst, requests / 8.0);
      // The floor is max(limit, 32 partitions) per page; allow a small factor above it.
      assertThat(read / 8.0).isLessThan(2.5 * Math.max(limit, 32) + 16);
    }
  }
}
