package io.shardstream.core.query;

import static io.shardstream.core.testing.SeedUsers.BUMP_16;
import static io.shardstream.core.testing.SeedUsers.BUMP_4;
import static io.shardstream.core.testing.SeedUsers.END;
import static io.shardstream.core.testing.SeedUsers.MANAGER;
import static io.shardstream.core.testing.SeedUsers.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.testing.SeedUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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
            MANAGER,
            new InMemoryPartitionReader(SeedUsers.CONFIG, USERS),
            new CursorCodec(Users.KEY));
    SearchRequest request = Users.nameSearch("a").window(BUMP_16, END).build();
    assertThat(QueryPlanner.plan(MANAGER, request).partitions()).hasSize(32);
    for (int limit : List.of(10, 25, 50, 100)) {
      int items = 0;
      int read = 0;
      int requests = 0;
      int roundTrips = 0;
      double worst = 0;
      Optional<String> cursor = Optional.empty();
      for (int page = 0; page < 8; page++) {
        SearchPage result = searcher.search(request.withLimit(limit), cursor);
        assertThat(result.items()).hasSize(limit);
        items += result.items().size();
        read += result.stats().itemsRead();
        requests += result.stats().readRequests();
        roundTrips += result.stats().roundTrips();
        worst = Math.max(worst, result.stats().itemsRead() / (double) limit);
        cursor = result.cursor();
      }
      double ratio = read / (double) items;
      System.out.printf(
          "fetch: 32 partitions, limit %3d: %.2f items read per item returned "
              + "(worst page %.2f), %.1f requests and %.1f round trips per page%n",
          limit, ratio, worst, requests / 8.0, roundTrips / 8.0);
      // The floor is max(limit, 32 partitions) per page; allow a small factor above it.
      assertThat(read / 8.0).isLessThan(2.5 * Math.max(limit, 32) + 16);
    }
  }

  /**
   * With reads of at least 4 items (one 4 KB read unit of small items) and refills sent in parallel
   * waves, a 25-item page of a 32-partition search takes about two round trips: the first wave and
   * rarely more than one more.
   */
  @Test
  void aPageOfAWideSearchTakesFewRoundTrips() {
    PartitionReader reader =
        Users.withMinimumFetch(new InMemoryPartitionReader(SeedUsers.CONFIG, USERS), 4);
    Searcher searcher = new Searcher(MANAGER, reader, new CursorCodec(Users.KEY));
    Searcher plain =
        new Searcher(
            MANAGER,
            new InMemoryPartitionReader(SeedUsers.CONFIG, USERS),
            new CursorCodec(Users.KEY));
    SearchRequest request = Users.nameSearch("a").window(BUMP_16, END).build().withLimit(25);
    int roundTrips = 0;
    Optional<String> cursor = Optional.empty();
    Optional<String> plainCursor = Optional.empty();
    for (int page = 0; page < 8; page++) {
      SearchPage result = searcher.search(request, cursor);
      SearchPage expected = plain.search(request, plainCursor);
      assertThat(Users.ids(result.items())).isEqualTo(Users.ids(expected.items()));
      roundTrips += result.stats().roundTrips();
      cursor = result.cursor();
      plainCursor = expected.cursor();
    }
    System.out.printf(
        "fetch: 32 partitions, limit 25, reads of 4+: %.1f round trips per page%n",
        roundTrips / 8.0);
    assertThat(roundTrips / 8.0).isLessThanOrEqualTo(2.0);
  }

  /**
   * Ties: 4000 users created at 40 instants over 16 shards, so each partition holds runs of about
   * six users tied on created. A partition's run is read whole before any of it is emitted, and a
   * page that ends inside a run reads it again, so pages read somewhat more than without ties.
   */
  @Test
  void itemsReadPerPageStayWithinASmallFactorOfTheLimitWhenSortValuesTie() {
    List<Map<String, Object>> users = new ArrayList<>();
    Random random = new Random(13);
    for (int i = 0; i < 4000; i++) {
      long created = BUMP_16 + random.nextInt(40) * 1000L;
      users.add(SeedUsers.user("u" + i, "b1", "A", "B", null, created, created));
    }
    Searcher searcher =
        new Searcher(
            MANAGER,
            new InMemoryPartitionReader(SeedUsers.CONFIG, users),
            new CursorCodec(Users.KEY));
    SearchRequest request =
        SearchRequest.builder("user").index("created").window(BUMP_16, END).build();
    assertThat(QueryPlanner.plan(MANAGER, request).partitions()).hasSize(16);
    for (int limit : List.of(10, 25, 50, 100)) {
      Optional<String> cursor = Optional.empty();
      int read = 0;
      int requests = 0;
      for (int page = 0; page < 8; page++) {
        SearchPage result = searcher.search(request.withLimit(limit), cursor);
        assertThat(result.items()).hasSize(limit);
        read += result.stats().itemsRead();
        requests += result.stats().readRequests();
        cursor = result.cursor();
      }
      System.out.printf(
          "fetch with ties: 16 partitions, runs of ~6, limit %3d: %.2f items read per item "
              + "returned, %.1f requests per page%n",
          limit, read / (8.0 * limit), requests / 8.0);
      assertThat(read / 8.0).isLessThan(2.5 * Math.max(limit, 16) + 16 * 7);
    }
  }

  /**
   * One partition holding a run of 500 users tied on created: every page that starts inside the run
   * reads all of it again (DynamoDB's tie order cannot say where the unconsumed ones are), so
   * paging through a run of n ties with limit l reads about n per page; each page needs only a
   * request or two, as a run is read with a Query for its value at a large Limit.
   */
  @Test
  void aPageStartingInsideALongRunOfTiesReadsTheWholeRun() {
    List<Map<String, Object>> users = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      users.add(SeedUsers.user("u" + i, "b1", "A", "B", null, START + 1, START + 1));
    }
    users.add(SeedUsers.user("last", "b1", "A", "B", null, START + 2, START + 2));
    Searcher searcher =
        new Searcher(
            MANAGER,
            new InMemoryPartitionReader(SeedUsers.CONFIG, users),
            new CursorCodec(Users.KEY));
    SearchRequest request =
        SearchRequest.builder("user").index("created").window(START, BUMP_4 - 1).limit(50).build();
    Optional<String> cursor = Optional.empty();
    List<Object> ids = new ArrayList<>();
    int pages = 0;
    int read = 0;
    int requests = 0;
    int worst = 0;
    int mostRequests = 0;
    do {
      SearchPage result = searcher.search(request, cursor);
      ids.addAll(Users.ids(result.items()));
      read += result.stats().itemsRead();
      requests += result.stats().readRequests();
      worst = Math.max(worst, result.stats().itemsRead());
      mostRequests = Math.max(mostRequests, result.stats().readRequests());
      cursor = result.cursor();
      pages++;
    } while (cursor.isPresent());
    System.out.printf(
        "fetch, one run of 500 ties, limit 50: %d pages, %.1f items read per page (worst %d), "
            + "%.1f requests per page (most %d)%n",
        pages, read / (double) pages, worst, requests / (double) pages, mostRequests);
    assertThat(ids).hasSize(501).doesNotHaveDuplicates().endsWith("last");
    assertThat(pages).isEqualTo(11);
    // The first page: its first read (limit + 1), then the run whole; later pages: the run again.
    assertThat(worst).isLessThanOrEqualTo(500 + 51 + 1);
    assertThat(mostRequests).isLessThanOrEqualTo(3);
  }
}
