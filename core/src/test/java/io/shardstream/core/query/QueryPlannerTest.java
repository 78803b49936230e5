package io.shardstream.core.query;

import static io.shardstream.core.testing.SeedUsers.BUMP_16;
import static io.shardstream.core.testing.SeedUsers.BUMP_4;
import static io.shardstream.core.testing.SeedUsers.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.core.query.RangeCondition.Operator;
import io.shardstream.core.testing.SeedUsers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class QueryPlannerTest {

  @Test
  void plansOnePartitionPerIndexAndHashKeyOfTheWindow() {
    QueryPlan all = QueryPlanner.plan(MANAGER, Users.nameSearch("ada").build());
    assertThat(all.partitions()).hasSize(2 * 21);
    assertThat(all.partitions())
        .extracting(PartitionQuery::position)
        .containsExactlyElementsOf(IntStream.range(0, 42).boxed().toList());
    assertThat(all.partitions().get(0).hashKeyValue()).isEqualTo("user!");
    assertThat(all.partitions().get(21).indexToken()).isEqualTo("lastName");

    QueryPlan year2024 =
        QueryPlanner.plan(
            MANAGER,
            SearchRequest.builder("user").index("created").window(BUMP_4, BUMP_16 - 1).build());
    assertThat(year2024.partitions())
        .extracting(PartitionQuery::hashKeyValue)
        .containsExactly("user!0", "user!1", "user!2", "user!3");
  }

  @Test
  void shardedGeneratedHashKeysNeedTheirValuesAndKnowTheirTableHashKey() {
    SearchRequest scoped =
        SearchRequest.builder("user")
            .index("userBeneficiaryCreated")
            .hashKeyValue("beneficiaryId", "b1")
            .window(BUMP_4, BUMP_4)
            .build();
    QueryPlan plan = QueryPlanner.plan(MANAGER, scoped);
    PartitionQuery first = plan.partitions().get(0);
    assertThat(first.hashKeyAttribute()).isEqualTo("beneficiaryHashKey");
    assertThat(first.hashKeyValue()).isEqualTo("user!0,beneficiaryId#b1");
    assertThat(first.tableHashKeyValue()).isEqualTo("user!0");

    assertThatThrownBy(
            () ->
                QueryPlanner.plan(
                    MANAGER, SearchRequest.builder("user").index("userBeneficiaryCreated").build()))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("needs a value for 'beneficiaryId'");
    assertThatThrownBy(
            () ->
                QueryPlanner.plan(
                    MANAGER,
                    SearchRequest.builder("user")
                        .index("created")
                        .hashKeyValue("beneficiaryId", "b")
                        .build()))
        .hasMessageContaining("'beneficiaryId' is not part of hash key 'hashKey'");
  }

  @Test
  void indexesMustShareAHashKeyAndASortKind() {
    assertThatThrownBy(
            () ->
                QueryPlanner.plan(
                    MANAGER,
                    SearchRequest.builder("user")
                        .index("created")
                        .index("userBeneficiaryCreated")
                        .hashKeyValue("beneficiaryId", "b")
                        .build()))
        .isInstanceOf(QueryException.class)
        .hasMessage(
            "indexes 'created' (hash key hashKey) and 'userBeneficiaryCreated' (hash key"
                + " beneficiaryHashKey) do not share a hash key, so their partitions cannot be"
                + " merged into one search");
    assertThatThrownBy(
            () ->
                QueryPlanner.plan(
                    MANAGER, SearchRequest.builder("user").index("created").index("phone").build()))
        .hasMessageContaining("sort differently");
    assertThatThrownBy(
            () -> QueryPlanner.plan(MANAGER, SearchRequest.builder("user").index("nope").build()))
        .hasMessageContaining("unknown index 'nope' (known: created,");
    assertThatThrownBy(
            () -> QueryPlanner.plan(MANAGER, SearchRequest.builder("usr").index("created").build()))
        .hasMessage("unknown entity 'usr' (known: email, user)");
  }

  @Test
  void encodesConditionsIntoStoredValues() {
    QueryPlan names = QueryPlanner.plan(MANAGER, Users.nameSearch("ada").build());
    assertThat(names.indexes())
        .extracting(IndexPlan::token)
        .containsExactly("firstName", "lastName");
    assertThat(names.indexes().get(0).condition())
        .isEqualTo(new KeyCondition.BeginsWith(KeyValue.s("firstNameCanonical#ada")));
    assertThat(names.indexes().get(0).mergePrefix()).isEqualTo("firstNameCanonical#");
    assertThat(names.indexes().get(0).rangeKeyType()).isEqualTo(KeyType.S);

    QueryPlan created =
        QueryPlanner.plan(
            MANAGER,
            SearchRequest.builder("user")
                .index("created", new RangeCondition.Between(BUMP_4, BUMP_16))
                .build());
    assertThat(created.indexes().get(0).condition())
        .isEqualTo(
            new KeyCondition.Between(
                KeyValue.n(BigDecimal.valueOf(BUMP_4)), KeyValue.n(BigDecimal.valueOf(BUMP_16))));
    assertThat(created.indexes().get(0).rangeKeyType()).isEqualTo(KeyType.N);

    QueryPlan exactName =
        QueryPlanner.plan(
            MANAGER,
            SearchRequest.builder("user")
                .index(
                    "firstName",
                    new RangeCondition.Comparison(Operator.EQ, Map.of("firstNameCanonical", "ada")))
                .build());
    assertThat(exactName.indexes().get(0).condition())
        .isEqualTo(new KeyCondition.BeginsWith(KeyValue.s("firstNameCanonical#ada,")));

    QueryPlan phone =
        QueryPlanner.plan(
            MANAGER,
            SearchRequest.builder("user")
                .index("phone", new RangeCondition.Comparison(Operator.GE, "1555"))
                .build());
    assertThat(phone.indexes().get(0).condition())
        .isEqualTo(new KeyCondition.Compare(Operator.GE, KeyValue.s("1555")));

    assertThatThrownBy(
            () ->
                QueryPlanner.plan(
                    MANAGER,
                    SearchRequest.builder("user")
                        .index("created", new RangeCondition.Prefix(17L))
                        .build()))
        .hasMessageContaining("prefix condition needs a string range key");
    assertThatThrownBy(
            () ->
                QueryPlanner.plan(
                    MANAGER,
                    SearchRequest.builder("user")
                        .index("created", new RangeCondition.Comparison(Operator.GT, "soon"))
                        .build()))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("created");
    assertThatThrownBy(
            () ->
                QueryPlanner.plan(
                    MANAGER,
                    SearchRequest.builder("user")
                        .index("firstName", new RangeCondition.Prefix("ada"))
                        .build()))
        .hasMessageContaining("map of element values");
    assertThatThrownBy(
            () ->
                QueryPlanner.plan(
                    MANAGER,
                    SearchRequest.builder("user")
                        .index("firstName", new RangeCondition.Prefix(Map.of("phone", "1")))
                        .build()))
        .hasMessageContaining("'phone' is not an element of 'firstNameRangeKey'");
    assertThatThrownBy(
            () ->
                QueryPlanner.plan(
                    MANAGER,
                    SearchRequest.builder("user")
                        .index("created", new RangeCondition.Between(BUMP_16, BUMP_4))
                        .build()))
        .hasMessageContaining("lower bound");
  }

  @Test
  void aWindowNarrowsATimestampRangedIndexAndFiltersTheOthers() {
    QueryPlan created =
        QueryPlanner.plan(
            MANAGER,
            SearchRequest.builder("user").index("created").window(BUMP_4, BUMP_16).build());
    assertThat(created.indexes().get(0).condition())
        .isEqualTo(
            new KeyCondition.Between(
                KeyValue.n(BigDecimal.valueOf(BUMP_4)), KeyValue.n(BigDecimal.valueOf(BUMP_16))));
    QueryPlan phone =
        QueryPlanner.plan(
            MANAGER,
            SearchRequest.builder("user").index("phone").window(BUMP_4, Long.MAX_VALUE).build());
    assertThat(phone.indexes().get(0).condition()).isEqualTo(new KeyCondition.All());
    assertThat(phone.filters()).containsExactly(new Filter.Range("created", BUMP_4, null));
    assertThat(phone.partitions()).hasSize(4 + 16);
  }

  @Test
  void theFingerprintCoversTheSearchButNotItsPageSize() {
    SearchRequest base = Users.nameSearch("ada").window(BUMP_4, BUMP_16).limit(10).build();
    String fingerprint = QueryPlanner.plan(MANAGER, base).fingerprint();
    assertThat(QueryPlanner.plan(MANAGER, base.withLimit(99)).fingerprint()).isEqualTo(fingerprint);
    SearchRequest reordered =
        SearchRequest.builder("user")
            .index("lastName", new RangeCondition.Prefix(Map.of("lastNameCanonical", "ada")))
            .index("firstName", new RangeCondition.Prefix(Map.of("firstNameCanonical", "ada")))
            .window(BUMP_4, BUMP_16)
            .build();
    assertThat(QueryPlanner.plan(MANAGER, reordered).fingerprint()).isEqualTo(fingerprint);

    assertThat(
            Stream.of(
                    Users.nameSearch("adb").window(BUMP_4, BUMP_16).build(),
                    Users.nameSearch("ada").window(BUMP_4, BUMP_16 + 1).build(),
                    Users.nameSearch("ada").window(BUMP_4, BUMP_16).order(SortOrder.DESC).build(),
                    Users.nameSearch("ada")
                        .window(BUMP_4, BUMP_16)
                        .filter(new Filter.Equals("beneficiaryId", "b1"))
                        .build())
                .map(r -> QueryPlanner.plan(MANAGER, r).fingerprint()))
        .doesNotHaveDuplicates()
        .doesNotContain(fingerprint);
    assertThat(QueryPlanner.plan(MANAGER, base).fingerprintText())
        .contains("config=" + MANAGER.config().version())
        .contains("begins_with(S:\"firstNameCanonical#ada\")");
  }

  @Test
  void startKeysRebuildWhatDynamoDbWouldSend() {
    Map<String, Object> ada =
        SeedUsers.user("u-1", "b1", "Ada", "Lovelace", "1555", BUMP_16 + 7, BUMP_16 + 8);
    SearchRequest scoped =
        SearchRequest.builder("user")
            .index(
                "userBeneficiaryFirstName",
                new RangeCondition.Prefix(Map.of("firstNameCanonical", "a")))
            .hashKeyValue("beneficiaryId", "b1")
            .build();
    QueryPlan plan = QueryPlanner.plan(MANAGER, scoped);
    PartitionQuery partition =
        plan.partitions().stream()
            .filter(p -> p.hashKeyValue().equals(ada.get("beneficiaryHashKey")))
            .findFirst()
            .orElseThrow();
    StartKey key = plan.startKey(partition, plan.positionOf(partition, ada));
    assertThat(key.attributes())
        .containsOnly(
            Map.entry("hashKey", KeyValue.s((String) ada.get("hashKey"))),
            Map.entry("rangeKey", KeyValue.s("userId#u-1")),
            Map.entry("beneficiaryHashKey", KeyValue.s((String) ada.get("beneficiaryHashKey"))),
            Map.entry("firstNameRangeKey", KeyValue.s((String) ada.get("firstNameRangeKey"))));

    InMemoryPartitionReader reader = new InMemoryPartitionReader(SeedUsers.CONFIG, List.of(ada));
    assertThat(reader.read(partition, Optional.empty(), 1).lastEvaluatedKey()).contains(key);

    QueryPlan created =
        QueryPlanner.plan(MANAGER, SearchRequest.builder("user").index("created").build());
    PartitionQuery table =
        created.partitions().stream()
            .filter(p -> p.hashKeyValue().equals(ada.get("hashKey")))
            .findFirst()
            .orElseThrow();
    assertThat(created.startKey(table, created.positionOf(table, ada)).attributes())
        .containsOnly(
            Map.entry("hashKey", KeyValue.s((String) ada.get("hashKey"))),
            Map.entry("rangeKey", KeyValue.s("userId#u-1")),
            Map.entry("created", KeyValue.n(BigDecimal.valueOf(BUMP_16 + 7))));
  }
}
