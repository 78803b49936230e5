package io.shardstream.dynamo.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.query.Filter;
import io.shardstream.core.query.KeyValue;
import io.shardstream.core.query.PartitionQuery;
import io.shardstream.core.query.QueryPlan;
import io.shardstream.core.query.QueryPlanner;
import io.shardstream.core.query.RangeCondition;
import io.shardstream.core.query.SearchRequest;
import io.shardstream.core.query.SortOrder;
import io.shardstream.core.query.StartKey;
import io.shardstream.core.testing.SeedUsers;
import io.shardstream.dynamo.TableKeys;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The Query requests the reader sends, checked without DynamoDB. */
class QueryRequestsTest {
  private static final EntityManager MANAGER = new EntityManager(SeedUsers.CONFIG);
  private static final long BUMP_16 = 1735689600000L;
  private static final TableKeys KEYS = TableKeys.of(SeedUsers.CONFIG);

  private static PartitionQuery lastPartition(SearchRequest request) {
    QueryPlan plan = QueryPlanner.plan(MANAGER, request);
    return plan.partitions().get(plan.partitions().size() - 1);
  }

  @Test
  void namePrefixOnABeneficiaryIndexIsARangeFromThePrefixToItsSuccessor() {
    PartitionQuery query =
        lastPartition(
            SearchRequest.builder("user")
                .index(
                    "userBeneficiaryLastName",
                    new RangeCondition.Prefix(Map.of("lastNameCanonical", "gom")))
                .hashKeyValue("beneficiaryId", "b-1")
                .order(SortOrder.DESC)
                .build());

    QueryRequest request = QueryRequests.of("users", KEYS, query, Optional.empty(), 7, true);

    assertThat(request.tableName()).isEqualTo("users");
    assertThat(request.indexName()).isEqualTo("userBeneficiaryLastName");
    assertThat(request.keyConditionExpression()).isEqualTo("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2");
    assertThat(request.expressionAttributeNames())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("#n0", "beneficiaryHashKey", "#n1", "lastNameRangeKey"));
    assertThat(request.expressionAttributeValues())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                ":v0", AttributeValue.fromS(query.hashKeyValue()),
                ":v1", AttributeValue.fromS("lastNameCanonical#gom"),
                ":v2", AttributeValue.fromS("lastNameCanonical#gon")));
    assertThat(query.hashKeyValue()).endsWith(",beneficiaryId#b-1");
    assertThat(request.scanIndexForward()).isFalse();
    assertThat(request.limit()).isEqualTo(7);
    assertThat(request.filterExpression()).isNull();
    assertThat(request.hasExclusiveStartKey()).isFalse();
  }

  @Test
  void aTimeWindowOnTheCreatedIndexIsANumericBetweenAndNoFilterOnTheKey() {
    PartitionQuery query =
        lastPartition(
            SearchRequest.builder("user").index("created").window(BUMP_16, BUMP_16 + 1000).build());

    QueryRequest request = QueryRequests.of("users", KEYS, query, Optional.empty(), 3, true);

    assertThat(request.keyConditionExpression()).isEqualTo("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2");
    assertThat(request.expressionAttributeNames()).containsEntry("#n1", "created");
    assertThat(request.expressionAttributeValues())
        .containsEntry(":v1", AttributeValue.fromN(Long.toString(BUMP_16)));
    // DynamoDB refuses filters on key attributes; the key condition does the window's work.
    assertThat(request.filterExpression()).isNull();
    assertThat(request.expressionAttributeValues()).containsOnlyKeys(":v0", ":v1", ":v2");
  }

  @Test
  void withoutAConditionOnlyTheHashKeyIsNamed() {
    PartitionQuery query = lastPartition(SearchRequest.builder("user").index("phone").build());

    QueryRequest request = QueryRequests.of("users", KEYS, query, Optional.empty(), 1, true);

    assertThat(request.keyConditionExpression()).isEqualTo("#n0 = :v0");
    assertThat(request.expressionAttributeNames()).containsOnlyKeys("#n0");
    assertThat(request.expressionAttributeValues()).containsOnlyKeys(":v0");
  }

  @Test
  void pushesDownFiltersDynamoDbEvaluatesTheEngineWayAndLeavesTheRest() {
    PartitionQuery query =
        lastPartition(
            SearchRequest.builder("user")
                .index("phone", new RangeCondition.Comparison(RangeCondition.Operator.GE, "1"))
                .filter(new Filter.Equals("beneficiaryId", "b-1"))
                .filter(new Filter.Range("updated", 5L, null))
                .filter(new Filter.Range("active", false, true))
                .filter(new Filter.Equals("vip", true))
                .filter(new Filter.Equals("rangeKey", "userId#u-1"))
                .filter(new Filter.Equals("phone", "123"))
                .build());

    QueryRequest pushed = QueryRequests.of("users", KEYS, query, Optional.empty(), 5, true);
    QueryRequest kept = QueryRequests.of("users", KEYS, query, Optional.empty(), 5, false);

    assertThat(pushed.keyConditionExpression()).isEqualTo("#n0 = :v0 AND #n1 >= :v1");
    assertThat(pushed.filterExpression()).isEqualTo("#n2 = :v2 AND #n3 >= :v3 AND #n4 = :v4");
    assertThat(pushed.expressionAttributeNames())
        .containsEntry("#n2", "beneficiaryId")
        .containsEntry("#n3", "updated")
        .containsEntry("#n4", "vip")
        .doesNotContainValue("active");
    assertThat(pushed.expressionAttributeValues())
        .containsEntry(":v3", AttributeValue.fromN("5"))
        .containsEntry(":v4", AttributeValue.fromBool(true));
    assertThat(kept.filterExpression()).isNull();
    assertThat(kept.expressionAttributeNames()).containsOnlyKeys("#n0", "#n1");
  }

  @Test
  void startKeysTravelTypedBothWays() {
    Map<String, KeyValue> key = new LinkedHashMap<>();
    key.put("hashKey", KeyValue.s("user!3"));
    key.put("rangeKey", KeyValue.s("userId#u-1"));
    key.put("created", KeyValue.n(new BigDecimal("1735689600000")));
    StartKey start = new StartKey(key);
    PartitionQuery query = lastPartition(SearchRequest.builder("user").index("created").build());

    QueryRequest request = QueryRequests.of("users", KEYS, query, Optional.of(start), 2, true);

    assertThat(request.exclusiveStartKey())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "hashKey", AttributeValue.fromS("user!3"),
                "rangeKey", AttributeValue.fromS("userId#u-1"),
                "created", AttributeValue.fromN("1735689600000")));
    assertThat(KeyValues.startKey(request.exclusiveStartKey())).isEqualTo(start);
  }
}
