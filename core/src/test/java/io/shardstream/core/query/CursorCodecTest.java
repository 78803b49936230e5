package io.shardstream.core.query;

import static io.shardstream.core.testing.SeedUsers.BUMP_16;
import static io.shardstream.core.testing.SeedUsers.BUMP_4;
import static io.shardstream.core.testing.SeedUsers.END;
import static io.shardstream.core.testing.SeedUsers.MANAGER;
import static io.shardstream.core.testing.SeedUsers.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.query.CursorException.Kind;
import io.shardstream.core.testing.ExampleConfigJson;
import io.shardstream.core.testing.SeedUsers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
  private static final CursorCodec CODEC = new CursorCodec(Users.KEY);
  private static final List<Map<String, Object>> USERS = Users.random(7, 3000, "abcd", START, END);
  private static final SearchRequest NAMES = Users.nameSearch("a").limit(20).build();
  private static final QueryPlan PLAN = QueryPlanner.plan(MANAGER, NAMES);

  /** The cursor after a few pages of a name search over all 21 hash keys × 2 indexes. */
  private static String midway(int pages) {
    Searcher searcher =
        new Searcher(MANAGER, new InMemoryPartitionReader(SeedUsers.CONFIG, USERS), CODEC);
    Optional<String> cursor = Optional.empty();
    for (int i = 0; i < pages; i++) {
      cursor = searcher.search(NAMES, cursor).cursor();
    }
    return cursor.orElseThrow();
  }

  @Test
  void roundTripsEveryPartitionState() {
    List<PartitionState> states = new ArrayList<>();
    for (PartitionQuery partition : PLAN.partitions()) {
      Position position =
          new Position(
              KeyValue.s(partition.index().mergePrefix() + "añ😀|x#" + partition.position()),
              "userId#ü" + partition.position());
      states.add(
          switch (partition.position() % 4) {
            case 0 -> PartitionState.NOT_STARTED;
            case 1 -> PartitionState.DONE;
            case 2 -> new PartitionState.At(position);
            default -> new PartitionState.Past(position);
          });
    }
    CursorState state = new CursorState(states);
    String cursor = CODEC.encode(PLAN, state);
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(CODEC.decode(cursor, PLAN)).isEqualTo(state);
    // The next page's sizing hint (items per index) travels too; a cursor without it decodes.
    CursorState hinted = new CursorState(states, List.of(0, 300));
    assertThat(CODEC.decode(CODEC.encode(PLAN, hinted), PLAN)).isEqualTo(hinted);

    QueryPlan created =
        QueryPlanner.plan(MANAGER, SearchRequest.builder("user").index("created").build());
    List<PartitionState> numbers = new ArrayList<>(CursorState.start(created).partitions());
    numbers.set(
        3, new PartitionState.At(new Position(KeyValue.n(new BigDecimal("-12.5")), "userId#u")));
    numbers.set(
        4, new PartitionState.Past(new Position(KeyValue.n(new BigDecimal("1E+3")), "userId#v")));
    CursorState numeric = new CursorState(numbers);
    assertThat(CODEC.decode(CODEC.encode(created, numeric), created)).isEqualTo(numeric);
  }

  @Test
  void aMidwayCursorOfA42PartitionSearchIsCompact() {
    for (int pages : List.of(1, 3, 10, 30)) {
      String cursor = midway(pages);
      CursorState state = CODEC.decode(cursor, PLAN);
      long at =
          state.partitions().stream()
              .filter(p -> p instanceof PartitionState.At || p instanceof PartitionState.Past)
              .count();
      System.out.printf(
          "cursor: 42 partitions (%d AT or PAST) after %d pages of 20 -> %d chars "
              + "(payload %d bytes before deflate)%n",
          at, pages, cursor.length(), CursorPayload.write(PLAN, state).length);
      assertThat(cursor.length()).isLessThan(80 + 30 * (int) at);
    }
    assertThat(CODEC.encode(PLAN, CursorState.start(PLAN)).length()).isLessThan(60);
  }

  @Test
  void anyAlteredByteIsTampered() {
    byte[] bytes = Base64.getUrlDecoder().decode(midway(2));
    for (int i = 1; i < bytes.length; i++) {
      byte[] altered = bytes.clone();
      altered[i] ^= 0x01;
      String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
      assertKind(() -> CODEC.decode(cursor, PLAN), Kind.TAMPERED);
    }
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
    assertKind(
        () -> CODEC.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(truncated), PLAN),
        Kind.TAMPERED);
    CursorCodec otherKey =
        new CursorCodec("another-server-key-0123456789".getBytes(StandardCharsets.UTF_8));
    assertKind(() -> otherKey.decode(midway(1), PLAN), Kind.TAMPERED);
  }

  @Test
  void aCursorOfAnotherSearchIsForeign() {
    String cursor = midway(1);
    for (SearchRequest other :
        List.of(
            Users.nameSearch("b").build(),
            Users.nameSearch("a").order(SortOrder.DESC).build(),
            Users.nameSearch("a").filter(new Filter.Equals("beneficiaryId", "b1")).build(),
            Users.nameSearch("a").window(BUMP_4, END).build(),
            SearchRequest.builder("user")
                .index("firstName", new RangeCondition.Prefix(Map.of("firstNameCanonical", "a")))
                .build())) {
      QueryPlan plan = QueryPlanner.plan(MANAGER, other);
      assertKind(() -> CODEC.decode(cursor, plan), Kind.FOREIGN_QUERY);
    }
    assertThat(CODEC.decode(cursor, QueryPlanner.plan(MANAGER, NAMES.withLimit(3))))
        .as("the limit may change between pages")
        .isNotNull();
  }

  @Test
  void aCursorFromAnotherConfigurationIsStale() {
    String json =
        ExampleConfigJson.userEmail()
            .replace(
                "\"chars\": 2 }",
                "\"chars\": 2 },\n"
                    + "        { \"timestamp\": 1767225600000, \"charBits\": 2, \"chars\": 3 }");
    EntityManager bumped = new EntityManager(ConfigLoader.parse(json));
    assertThat(bumped.config().version()).isNotEqualTo(MANAGER.config().version());
    String cursor = midway(1);
    assertThatThrownBy(() -> CODEC.decode(cursor, QueryPlanner.plan(bumped, NAMES)))
        .isInstanceOfSatisfying(
            CursorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.STALE_CONFIG))
        .hasMessageContaining(bumped.config().version())
        .hasMessageContaining("start the search again without a cursor");
  }

  @Test
  void garbageIsMalformed() {
    for (String garbage :
        List.of(
            "",
            "x",
            "not base64!",
            "AAAA",
            "a".repeat(40),
            "a".repeat(20_000),
            Base64.getUrlEncoder().encodeToString(new byte[] {1, 0, 0}))) {
      assertKind(() -> CODEC.decode(garbage, PLAN), Kind.MALFORMED);
    }
    assertThat(midway(1)).startsWith("w");
    assertKind(() -> CODEC.decode(null, PLAN), Kind.MALFORMED);
    // Correctly signed bytes that are not a payload (a server bug, never a client's doing).
    assertKind(() -> CODEC.decode(CODEC.seal(new byte[] {5, 1, 2}), PLAN), Kind.MALFORMED);
  }

  @Test
  void anotherFormatVersionIsUnsupported() {
    byte[] bytes = Base64.getUrlDecoder().decode(midway(1));
    assertThat(bytes[0]).isEqualTo((byte) 0xC2);
    // 1: positions in DynamoDB's scan order, which inside a run of ties is not the search's.
    for (int version : List.of(1, 3)) {
      bytes[0] = (byte) (0xC0 | version);
      String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      assertThatThrownBy(() -> CODEC.decode(cursor, PLAN))
          .isInstanceOfSatisfying(
              CursorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED_VERSION))
          .hasMessageContaining("format version " + version)
          .hasMessageContaining("start the search again without a cursor");
    }
  }

  @Test
  void aCursorNeverWidensTheSearch() {
    // A cursor from a wider window names more partitions: refused, not partly applied.
    QueryPlan narrow =
        QueryPlanner.plan(MANAGER, Users.nameSearch("a").window(BUMP_16, END).build());
    assertKind(() -> CODEC.decode(midway(1), narrow), Kind.FOREIGN_QUERY);

    // Even a validly signed payload naming one partition more than the plan is refused.
    List<PartitionState> extra = new ArrayList<>(CursorState.start(PLAN).partitions());
    extra.add(PartitionState.NOT_STARTED);
    QueryPlan widened =
        new QueryPlan(
            PLAN.entity(),
            PLAN.configVersion(),
            PLAN.hashKeyToken(),
            PLAN.indexes(),
            append(PLAN.partitions(), PLAN.partitions().get(0)),
            PLAN.filters(),
            PLAN.window(),
            PLAN.order(),
            PLAN.tableHashKey(),
            PLAN.tableRangeKey(),
            PLAN.uniquePrefix(),
            PLAN.fingerprintText(),
            PLAN.fingerprint());
    String forged = CODEC.seal(CursorPayload.write(widened, new CursorState(extra)));
    assertKind(() -> CODEC.decode(forged, PLAN), Kind.FOREIGN_QUERY);

    // A decoded state always has exactly the plan's partitions.
    assertThat(CODEC.decode(midway(2), PLAN).partitions()).hasSize(PLAN.partitions().size());
    assertThatThrownBy(() -> CODEC.encode(PLAN, new CursorState(extra)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyKindHasATitleAndAnActionableMessage() {
    for (Kind kind : Kind.values()) {
      assertThat(kind.title()).isNotBlank();
    }
    assertThatThrownBy(() -> CODEC.decode("garbage!", PLAN))
        .hasMessageContaining("start again without one");
  }

  private static List<PartitionQuery> append(List<PartitionQuery> list, PartitionQuery extra) {
    List<PartitionQuery> copy = new ArrayList<>(list);
    copy.add(
        new PartitionQuery(
            list.size(),
            extra.index(),
            extra.hashKeyAttribute(),
            "user!x",
            "user!x",
            extra.scanForward(),
            extra.filters()));
    return copy;
  }

  private static void assertKind(ThrowingCallable call, Kind kind) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            CursorException.class, e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind));
  }
}
