package io.shardstream.core.query;

import static io.shardstream.core.testing.SeedUsers.BUMP_16;
import static io.shardstream.core.testing.SeedUsers.BUMP_4;
import static io.shardstream.core.testing.SeedUsers.END;
import static io.shardstream.core.testing.SeedUsers.MANAGER;
import static io.shardstream.core.testing.SeedUsers.START;
import static io.shardstream.core.testing.SeedUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.core.query.RangeCondition.Operator;
import io.shardstream.core.testing.SeedUsers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        new Searcher(MANAGER, new InMemoryPartitionReader(SeedUsers.CONFIG, users), CODEC);
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
    KWayMerger merger = new KWayMerger(new InMemoryPartitionReader(SeedUsers.CONFIG, users));
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
        new Searcher(MANAGER, new InMemoryPartitionReader(SeedUsers.CONFIG, users), CODEC);
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
    InMemoryPartitionReader reader = new InMemoryPartitionReader(SeedUsers.CONFIG, users);
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
        new Searcher(MANAGER, new InMemoryPartitionReader(SeedUsers.CONFIG, users, true), CODEC);
    assertThat(
            Users.allPages(searcher, request, List.of(7), 100).stream()
                .flatMap(p -> Users.ids(p.items()).stream()))
        .containsExactlyElementsOf(expected);
  }

  /**
   * 120 users created the same millisecond share the unsharded partition: a run of ties that the
   * reader returns in an order of its own (as DynamoDB does). Pages of every size give them by
   * userId (UTF-8 bytes), in both orders, among users before and after them.
   */
  @Test
  void tiesInsideOnePartitionComeByUserIdAcrossPages() {
    List<Map<String, Object>> users = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      users.add(user("t" + i, "b1", "Ada", "Tie", "555", START + 5, START + 5));
    }
    for (int i = 0; i < 10; i++) {
      users.add(user("before" + i, "b1", "Bo", "Early", "1" + i, START + i % 3, START + i));
      users.add(user("after" + i, "b1", "Cy", "Late", "9" + i, START + 6 + i % 2, START + 9));
    }
    InMemoryPartitionReader reader = new InMemoryPartitionReader(SeedUsers.CONFIG, users);
    QueryPlan created =
        QueryPlanner.plan(
            MANAGER,
            SearchRequest.builder("user").index("created").window(START, BUMP_4 - 1).build());
    List<Object> raw =
        Users.ids(reader.read(created.partitions().get(0), Optional.empty(), 1000).items());
    assertThat(raw).as("the reader's own tie order").isNotEqualTo(sortedIds(raw));

    Comparator<Map<String, Object>> byCreated =
        Comparator.comparing((Map<String, Object> u) -> (Long) u.get("created"))
            .thenComparing(u -> (String) u.get("userId"), KWayMergerTest::utf8);
    Comparator<Map<String, Object>> byPhone =
        Comparator.comparing(
                (Map<String, Object> u) -> (String) u.get("phone"), KWayMergerTest::utf8)
            .thenComparing(u -> (String) u.get("userId"), KWayMergerTest::utf8);
    Searcher searcher = new Searcher(MANAGER, reader, CODEC);
    for (SortOrder order : SortOrder.values()) {
      Map<SearchRequest, Comparator<Map<String, Object>>> searches =
          Map.of(
              SearchRequest.builder("user").index("created").order(order).build(),
              byCreated,
              SearchRequest.builder("user")
                  .index("phone", new RangeCondition.Prefix("5"))
                  .order(order)
                  .build(),
              byPhone,
              SearchRequest.builder("user")
                  .index("updated", new RangeCondition.Comparison(Operator.LE, START + 5))
                  .order(order)
                  .build(),
              Comparator.comparing((Map<String, Object> u) -> (Long) u.get("updated"))
                  .thenComparing(u -> (String) u.get("userId"), KWayMergerTest::utf8));
      searches.forEach(
          (request, comparator) -> {
            List<Object> expected =
                users.stream()
                    .filter(u -> matches(request, u))
                    .sorted(order == SortOrder.ASC ? comparator : comparator.reversed())
                    .map(u -> u.get("userId"))
                    .toList();
            assertThat(expected).hasSizeGreaterThan(100);
            for (List<Integer> limits :
                List.of(List.of(1), List.of(2, 7), List.of(13), List.of(119, 1), List.of(500))) {
              assertThat(
                      Users.allPages(searcher, request, limits, 500).stream()
                          .flatMap(p -> Users.ids(p.items()).stream()))
                  .as("%s %s in pages of %s", request.indexes(), order, limits)
                  .containsExactlyElementsOf(expected);
            }
          });
    }
  }

  @Test
  void aPageEndingInsideARunOfTiesResumesInsideIt() {
    List<Map<String, Object>> users = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      users.add(user("t" + (char) ('a' + i), "b1", "A", "B", null, START + 5, START + 5));
    }
    users.add(user("z", "b1", "A", "B", null, START + 6, START + 6));
    QueryPlan plan =
        QueryPlanner.plan(
            MANAGER,
            SearchRequest.builder("user").index("created").window(START, BUMP_4 - 1).build());
    KWayMerger merger = new KWayMerger(new InMemoryPartitionReader(SeedUsers.CONFIG, users));

    MergedPage first = merger.page(plan, CursorState.start(plan), 5);
    assertThat(Users.ids(first.items())).containsExactly("ta", "tb", "tc", "td", "te");
    assertThat(first.next().orElseThrow().of(0))
        .isEqualTo(
            new PartitionState.At(
                new Position(KeyValue.n(BigDecimal.valueOf(START + 5)), "userId#te")));

    MergedPage second = merger.page(plan, CodecRoundTrip.of(plan, first.next().orElseThrow()), 15);
    assertThat(Users.ids(second.items())).hasSize(15).startsWith("tf").endsWith("tt");
    // The run was read again whole (20 items) and one beyond it, to know it ended.
    assertThat(second.stats().itemsRead()).isBetween(20, 22);
    PartitionState past = second.next().orElseThrow().of(0);
    assertThat(past).isInstanceOf(PartitionState.Past.class);

    MergedPage third = merger.page(plan, CodecRoundTrip.of(plan, second.next().orElseThrow()), 15);
    assertThat(Users.ids(third.items())).containsExactly("z");
    assertThat(third.next()).isEmpty();
    // Resumed right after the run: nothing of it read again.
    assertThat(third.stats().itemsRead()).isEqualTo(1);
  }

  private static boolean matches(SearchRequest request, Map<String, Object> user) {
    String index = request.indexes().get(0);
    return switch (index) {
      case "phone" -> ((String) user.get("phone")).startsWith("5");
      case "updated" -> (Long) user.get("updated") <= START + 5;
      default -> true;
    };
  }

  private static List<Object> sortedIds(List<Object> ids) {
    return ids.stream()
        .map(String.class::cast)
        .sorted(KWayMergerTest::utf8)
        .map(Object.class::cast)
        .toList();
  }

  private static int utf8(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** Passes a state through a cursor string, as between two requests. */
  private static final class CodecRoundTrip {
    static CursorState of(QueryPlan plan, CursorState state) {
      return CODEC.decode(CODEC.encode(plan, state), plan);
    }
  }
}
