package io.shardstream.core.query;

import static io.shardstream.core.query.Users.BUMP_16;
import static io.shardstream.core.query.Users.BUMP_4;
import static io.shardstream.core.query.Users.END;
import static io.shardstream.core.query.Users.MANAGER;
import static io.shardstream.core.query.Users.START;
import static io.shardstream.core.query.Users.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class KWayMergerTest {
  private static final CursorCodec CODEC = new CursorCodec(Users.KEY);

  @Test
  void anItemFoundThroughTwoIndexesIsEmittedOnceAtItsSmallestKey() {
    List<Map<String, Object>> users =
        List.of(
            user("adams-ada", "b1", "Ada", "Adams", null, BUMP_4 + 1, BUMP_4 + 1),
            user("ada-z", "b1", "Ada", "Zed", null, BUMP_16 + 1, BUMP_16 + 1),
            user("adb-y", "b1", "Bo", "Adb", null, BUMP_16 + 2, BUMP_16 + 2),
            user("bob", "b1", "Bob", "Bobson", null, BUMP_16 + 3, BUMP_16 + 3));
    Searcher searcher =
        new Searcher(MANAGER, new InMemoryPartitionReader(Users.CONFIG, users), CODEC);
    // "adams|…" (lastName) < "ada|…" (firstName): '|' sorts after letters.
    List<Object> expected = List.of("adams-ada", "ada-z", "adb-y");
    for (int limit = 1; limit <= 4; limit++) {
      List<SearchPage> pages =
          Users.allPages(searcher, Users.nameSearch("ad").build(), List.of(limit), 10);
      assertThat(pages.stream().flatMap(p -> Users.ids(p.items()).stream()))
          .containsExactlyElementsOf(expected);
      assertThat(pages).hasSize((3 + limit - 1) / limit);
    }
    List<SearchPage> desc =
        Users.allPages(
            searcher, Users.nameSearch("ad").order(SortOrder.DESC).build(), List.of(2), 10);
    assertThat(desc.stream().flatMap(p -> Users.ids(p.items()).stream()))
        .containsExactly("adb-y", "ada-z", "adams-ada");
  }

  @Test
  void finishedPartitionsAreNotReadAgain() {
    List<Map<String, Object>> users = Users.random(3, 200, "ab", START, END);
    QueryPlan plan =
        QueryPlanner.plan(MANAGER, SearchRequest.builder("user").index("created").build());
    KWayMerger merger = new KWayMerger(new InMemoryPartitionReader(Users.CONFIG, users));
    MergedPage first = merger.page(plan, CursorState.start(plan), 80);
    assertThat(first.stats().partitionsQueried()).isEqualTo(21);
    // Ascending by created: the pre-2024 partition (about 40 users) comes first and runs out.
    CursorState state = first.next().orElseThrow();
    long done = state.partitions().stream().filter(p -> p instanceof PartitionState.Done).count();
    assertThat(done).isPositive();
    MergedPage second = merger.page(plan, CodecRoundTrip.of(plan, state), 80);
    assertThat(second.stats().partitionsQueried()).isEqualTo(21 - done);
  }

  @Test
  void aFullLastPageHasNoCursor() {
    List<Map<String, Object>> users = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      users.add(user("u" + i, "b1", "A", "B", null, BUMP_16 + i, BUMP_16 + i));
    }
    Searcher searcher =
        new Searcher(MANAGER, new InMemoryPartitionReader(Users.CONFIG, users), CODEC);
    List<SearchPage> pages =
        Users.allPages(
            searcher, SearchRequest.builder("user").index("created").build(), List.of(5), 5);
    assertThat(pages).hasSize(2);
    assertThat(pages.get(1).items()).hasSize(5);
    assertThat(
            Users.allPages(
                searcher,
                SearchRequest.builder("user").index("created").window(0, 1).build(),
                List.of(5),
                5))
        .singleElement()
        .satisfies(p -> assertThat(p.items()).isEmpty())
        .satisfies(p -> assertThat(p.cursor()).isEmpty());
  }

  @Test
  void parallelFanOutGivesTheSamePages() throws Exception {
    List<Map<String, Object>> users = Users.random(5, 500, "ab", START, END);
    SearchRequest request = Users.nameSearch("a").limit(17).build();
    InMemoryPartitionReader reader = new InMemoryPartitionReader(Users.CONFIG, users);
    List<Object> sequential =
        Users.allPages(new Searcher(MANAGER, reader, CODEC), request, List.of(17), 100).stream()
            .flatMap(p -> Users.ids(p.items()).stream())
            .toList();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Object> parallel =
          Users.allPages(new Searcher(MANAGER, reader, CODEC, threads), request, List.of(17), 100)
              .stream()
              .flatMap(p -> Users.ids(p.items()).stream())
              .toList();
      assertThat(parallel).isEqualTo(sequential).hasSizeGreaterThan(100);
    }
  }

  @Test
  void readerFailuresReachTheCaller() {
    PartitionReader failing =
        (query, start, limit) -> {
          throw new IllegalStateException("throttled");
        };
    QueryPlan plan = QueryPlanner.plan(MANAGER, Users.nameSearch("a").build());
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      assertThatThrownBy(
              () -> new KWayMerger(failing, threads).page(plan, CursorState.start(plan), 5))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("throttled");
    }
  }

  @Test
  void anEmptyPageWithAStartKeyIsReadPast() {
    // A reader that filters server-side can return no items yet a LastEvaluatedKey.
    List<Map<String, Object>> users = Users.random(9, 300, "ab", BUMP_16, END);
    SearchRequest request =
        SearchRequest.builder("user")
            .index("created")
            .filter(new Filter.Equals("beneficiaryId", "b2"))
            .limit(7)
            .build();
    List<Object> expected =
        users.stream()
            .filter(u -> u.get("beneficiaryId").equals("b2"))
            .sorted(
                Comparator.comparing((Map<String, Object> u) -> (Long) u.get("created"))
                    .thenComparing(u -> (String) u.get("rangeKey")))
            .map(u -> u.get("userId"))
            .toList();
    Searcher searcher =
        new Searcher(MANAGER, new InMemoryPartitionReader(Users.CONFIG, users, true), CODEC);
    assertThat(
            Users.allPages(searcher, request, List.of(7), 100).stream()
                .flatMap(p -> Users.ids(p.items()).stream()))
        .containsExactlyElementsOf(expected);
  }

  /** Passes a state through a cursor string, as between two requests. */
  private static final class CodecRoundTrip {
    static CursorState of(QueryPlan plan, CursorState state) {
      return CODEC.decode(CODEC.encode(plan, state), plan);
    }
  }
}
