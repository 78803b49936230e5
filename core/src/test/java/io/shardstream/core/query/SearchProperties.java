package io.shardstream.core.query;

import static io.shardstream.core.testing.SeedUsers.BUMP_16;
import static io.shardstream.core.testing.SeedUsers.BUMP_4;
import static io.shardstream.core.testing.SeedUsers.END;
import static io.shardstream.core.testing.SeedUsers.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.query.RangeCondition.Operator;
import io.shardstream.core.testing.SeedUsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Paging through any search, cursor by cursor, gives exactly what a brute-force scan of all users
 * gives: same order, each item once, every page full but the last. The order is (sort value, userId
 * as UTF-8 bytes) even where sort values tie inside one partition, which the in-memory reader
 * returns in an order of its own (as DynamoDB does); two populations in three are made to tie a lot
 * there, and at least a fifth of the tries must have such ties among their results.
 */
class SearchProperties {
  /** Timestamps on a coarse grid, bump edges included, so that ties in created occur. */
  private static final List<Long> INSTANTS = instants();

  /**
   * Few timestamps, most before the first bump (one unsharded partition): runs of ties in created
   * and updated inside one partition, and in the name keys, which end with created.
   */
  private static final List<Long> TIED_INSTANTS = List.of(START, START, START + 1, BUMP_16, END);

  enum Kind {
    CREATED,
    UPDATED,
    PHONE,
    NAME,
    NAME_BETWEEN
  }

  /** A search as the oracle understands it, independent of the planner's encoding. */
  record Search(
      Kind kind,
      Optional<String> beneficiary,
      long from,
      long to,
      boolean windowed,
      SortOrder order,
      String text,
      long lo,
      long hi,
      Optional<String> filterBeneficiary) {

    List<String> indexes() {
      String scope = beneficiary.isPresent() ? "userBeneficiary" : "";
      return switch (kind) {
        case CREATED -> List.of(scoped(scope, "created"));
        case UPDATED -> List.of(scoped(scope, "updated"));
        case PHONE -> List.of(scoped(scope, "phone"));
        case NAME, NAME_BETWEEN -> List.of(scoped(scope, "firstName"), scoped(scope, "lastName"));
      };
    }

    SearchRequest request() {
      SearchRequest.Builder builder = SearchRequest.builder("user").order(order);
      List<String> indexes = indexes();
      switch (kind) {
        case CREATED -> builder.index(indexes.get(0), new RangeCondition.Between(lo, hi));
        case UPDATED ->
            builder.index(indexes.get(0), new RangeCondition.Comparison(Operator.GE, lo));
        case PHONE -> builder.index(indexes.get(0), new RangeCondition.Prefix(text));
        case NAME ->
            builder
                .index(
                    indexes.get(0), new RangeCondition.Prefix(Map.of("firstNameCanonical", text)))
                .index(
                    indexes.get(1), new RangeCondition.Prefix(Map.of("lastNameCanonical", text)));
        case NAME_BETWEEN ->
            builder
                .index(
                    indexes.get(0),
                    new RangeCondition.Between(
                        Map.of("firstNameCanonical", text), Map.of("firstNameCanonical", upper())))
                .index(
                    indexes.get(1),
                    new RangeCondition.Between(
                        Map.of("lastNameCanonical", text), Map.of("lastNameCanonical", upper())));
      }
      beneficiary.ifPresent(b -> builder.hashKeyValue("beneficiaryId", b));
      filterBeneficiary.ifPresent(b -> builder.filter(new Filter.Equals("beneficiaryId", b)));
      if (windowed) {
        builder.window(from, to);
      }
      return builder.build();
    }

    /** The expected results: every matching user once, at its smallest key, in global order. */
    List<Object> expected(List<Map<String, Object>> users) {
      List<Object[]> hits = new ArrayList<>();
      for (Map<String, Object> user : users) {
        long created = (Long) user.get("created");
        if ((windowed && (created < from || created > to))
            || !beneficiary.map(b -> b.equals(user.get("beneficiaryId"))).orElse(true)
            || !filterBeneficiary.map(b -> b.equals(user.get("beneficiaryId"))).orElse(true)) {
          continue;
        }
        Object[] best = null;
        for (int index = 0; index < indexes().size(); index++) {
          Object[] hit = hit(user, index);
          if (hit != null && (best == null || ORACLE.compare(hit, best) < 0)) {
            best = hit;
          }
        }
        if (best != null) {
          hits.add(best);
        }
      }
      hits.sort(order == SortOrder.ASC ? ORACLE : ORACLE.reversed());
      return hits.stream().map(h -> h[3]).toList();
    }

    /**
     * How many of the expected results tie on their sort value with another result of the same
     * partition (index and hash key): the ties DynamoDB returns in an order of its own.
     */
    long partitionTies(List<Map<String, Object>> users) {
      Map<String, Long> runs = new HashMap<>();
      Map<Object, String> runOf = new HashMap<>();
      for (Map<String, Object> user : users) {
        Object[] best = null;
        String bestRun = null;
        for (int index = 0; index < indexes().size(); index++) {
          Object[] hit = hit(user, index);
          if (hit != null) {
            String hashKey =
                (String) user.get(beneficiary.isPresent() ? "beneficiaryHashKey" : "hashKey");
            String run = index + " " + hashKey + " " + hit[0];
            runs.merge(run, 1L, Long::sum);
            if (best == null || ORACLE.compare(hit, best) < 0) {
              best = hit;
              bestRun = run;
            }
          }
        }
        runOf.put(user.get("userId"), bestRun);
      }
      return expected(users).stream().filter(id -> runs.get(runOf.get(id)) > 1).count();
    }

    /** {sort value, table range key, index order, userId} when the user matches that index. */
    private Object[] hit(Map<String, Object> user, int index) {
      Object value =
          switch (kind) {
            case CREATED -> between((Long) user.get("created"));
            case UPDATED -> (Long) user.get("updated") >= lo ? user.get("updated") : null;
            case PHONE -> user.get("phone") instanceof String p && p.startsWith(text) ? p : null;
            case NAME -> {
              String name =
                  (String) user.get(index == 0 ? "firstNameCanonical" : "lastNameCanonical");
              String key = (String) user.get(index == 0 ? "firstNameRangeKey" : "lastNameRangeKey");
              yield name.startsWith(text) ? key.substring(key.indexOf('#') + 1) : null;
            }
            case NAME_BETWEEN -> {
              // Bounds on the encoded key: from the lower prefix up to and including every key that
              // begins with the upper one.
              String key = (String) user.get(index == 0 ? "firstNameRangeKey" : "lastNameRangeKey");
              String stripped = key.substring(key.indexOf('#') + 1);
              yield bytes(stripped, text) >= 0
                      && (stripped.startsWith(upper()) || bytes(stripped, upper()) <= 0)
                  ? stripped
                  : null;
            }
          };
      return value == null
          ? null
          : new Object[] {value, user.get("rangeKey"), index, user.get("userId")};
    }

    /** The upper name bound of NAME_BETWEEN: the text with its last letter raised. */
    private String upper() {
      return text.isEmpty()
          ? "b"
          : text.substring(0, text.length() - 1) + (char) (text.charAt(text.length() - 1) + 1);
    }

    /** {@code userBeneficiaryCreated} for a scoped {@code created}. */
    private static String scoped(String scope, String index) {
      return scope.isEmpty()
          ? index
          : scope + Character.toUpperCase(index.charAt(0)) + index.substring(1);
    }

    private Long between(long created) {
      return created >= lo && created <= hi ? created : null;
    }
  }

  private static final Comparator<Object[]> ORACLE =
      (a, b) -> {
        int c = a[0] instanceof Long x ? Long.compare(x, (Long) b[0]) : bytes(a[0], b[0]);
        if (c == 0) {
          c = bytes(a[1], b[1]);
        }
        return c != 0 ? c : Integer.compare((Integer) a[2], (Integer) b[2]);
      };

  @Property(tries = 1000)
  void pagingReturnsExactlyTheMatchesInGlobalOrder(
      @ForAll("users") List<Map<String, Object>> users,
      @ForAll("searches") Search search,
      @ForAll("limits") List<Integer> limits,
      @ForAll boolean pushDownFilters,
      @ForAll @IntRange(min = 1, max = 6) int minimumFetch,
      @ForAll boolean parallel) {
    InMemoryPartitionReader inMemory =
        new InMemoryPartitionReader(SeedUsers.CONFIG, users, pushDownFilters);
    PartitionReader reader = Users.withMinimumFetch(inMemory, minimumFetch);
    List<Object> expected = search.expected(users);

    List<SearchPage> pages;
    ExecutorService pool = parallel ? Executors.newVirtualThreadPerTaskExecutor() : null;
    try {
      Executor fanOut = pool == null ? Runnable::run : pool;
      Searcher searcher =
          new Searcher(SeedUsers.MANAGER, reader, new CursorCodec(Users.KEY), fanOut);
      pages = Users.allPages(searcher, search.request(), limits, expected.size() + 1);
    } finally {
      if (pool != null) {
        pool.close();
      }
    }

    List<Object> actual = pages.stream().flatMap(p -> Users.ids(p.items()).stream()).toList();
    assertThat(actual).containsExactlyElementsOf(expected);
    Statistics.label("results tied inside a partition")
        .collect(search.partitionTies(users) > 0)
        .coverage(c -> c.check(true).percentage(p -> p >= 20));
    for (int i = 0; i < pages.size(); i++) {
      int limit = limits.get(i % limits.size());
      SearchPage page = pages.get(i);
      if (i < pages.size() - 1) {
        assertThat(page.items()).hasSize(limit);
      } else {
        assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
        assertThat(page.items().isEmpty()).isEqualTo(expected.isEmpty());
      }
      assertThat(page.stats().readRequests())
          .isGreaterThanOrEqualTo(page.stats().partitionsQueried());
    }
  }

  @Provide
  Arbitrary<List<Map<String, Object>>> users() {
    // The tied populations without edge cases: those are tiny lists, of few ties.
    return Arbitraries.frequencyOf(
        Tuple.of(1, users(false)), Tuple.of(2, users(true).withoutEdgeCases()));
  }

  /** Users; {@code tied}: few names, phones and instants, so sort values tie a lot. */
  private static Arbitrary<List<Map<String, Object>>> users(boolean tied) {
    Arbitrary<String> names =
        Arbitraries.strings()
            .withChars(tied ? "aA" : "aAbB")
            .ofMinLength(1)
            .ofMaxLength(tied ? 2 : 3);
    Arbitrary<String> phones =
        Arbitraries.strings()
            .withChars("15")
            .ofMinLength(1)
            .ofMaxLength(tied ? 1 : 3)
            .injectNull(0.3);
    Arbitrary<Long> created = Arbitraries.of(tied ? TIED_INSTANTS : INSTANTS);
    Arbitrary<Long> age = tied ? Arbitraries.of(0L, 1000L) : Arbitraries.of(0L, 1000L, 86_400_000L);
    Arbitrary<String> beneficiaries = Arbitraries.of("b1", "b2", "b3");
    Arbitrary<Object[]> specs =
        Combinators.combine(names, names, phones, created, age, beneficiaries)
            .as((f, l, p, c, a, b) -> new Object[] {f, l, p, c, a, b});
    return specs
        .list()
        .ofMinSize(tied ? 20 : 0)
        .ofMaxSize(120)
        .map(
            list -> {
              List<Map<String, Object>> users = new ArrayList<>();
              for (int i = 0; i < list.size(); i++) {
                Object[] s = list.get(i);
                long c = (Long) s[3];
                users.add(
                    SeedUsers.user(
                        "u" + i,
                        (String) s[5],
                        (String) s[0],
                        (String) s[1],
                        (String) s[2],
                        c,
                        c + (Long) s[4]));
              }
              return users;
            });
  }

  @Provide
  Arbitrary<Search> searches() {
    Arbitrary<Kind> kinds = Arbitraries.of(Kind.class);
    Arbitrary<Optional<String>> beneficiary = Arbitraries.of("b1", "b2").optional(0.3);
    Arbitrary<long[]> window =
        instantPicks()
            .list()
            .ofSize(2)
            .map(l -> new long[] {Math.min(l.get(0), l.get(1)), Math.max(l.get(0), l.get(1))});
    Arbitrary<Boolean> windowed = Arbitraries.of(true, false);
    Arbitrary<SortOrder> order = Arbitraries.of(SortOrder.class);
    Arbitrary<String> text = Arbitraries.strings().withChars("ab15").ofMaxLength(2);
    Arbitrary<long[]> bounds =
        instantPicks()
            .list()
            .ofSize(2)
            .map(l -> new long[] {Math.min(l.get(0), l.get(1)), Math.max(l.get(0), l.get(1))});
    Arbitrary<Optional<String>> filter = Arbitraries.of("b1", "b3").optional(0.2);
    return Combinators.combine(kinds, beneficiary, window, windowed, order, text, bounds, filter)
        .as(
            (k, b, w, ws, o, t, bs, f) ->
                new Search(
                    k,
                    b,
                    w[0],
                    w[1],
                    ws,
                    o,
                    k == Kind.NAME || k == Kind.NAME_BETWEEN
                        ? t.replace('1', 'a').replace('5', 'b')
                        : t.replace('a', '1').replace('b', '5'),
                    bs[0],
                    bs[1],
                    f));
  }

  @Provide
  Arbitrary<List<Integer>> limits() {
    return Arbitraries.integers().between(1, 30).list().ofMinSize(1).ofMaxSize(3);
  }

  /** Instants for windows and bounds, often the tied ones so that searches reach the ties. */
  private static Arbitrary<Long> instantPicks() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of(INSTANTS)), Tuple.of(1, Arbitraries.of(TIED_INSTANTS)));
  }

  private static List<Long> instants() {
    List<Long> instants =
        new ArrayList<>(List.of(START, BUMP_4 - 1, BUMP_4, BUMP_16 - 1, BUMP_16, END));
    for (int i = 1; i < 24; i++) {
      instants.add(START + (END - START) / 24 * i);
    }
    return List.copyOf(instants);
  }

  private static int bytes(Object a, Object b) {
    return Arrays.compareUnsigned(
        ((String) a).getBytes(StandardCharsets.UTF_8),
        ((String) b).getBytes(StandardCharsets.UTF_8));
  }
}
