package io.shardstream.dynamo.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.core.testing.SeedUsers;
import io.shardstream.dynamo.SeedConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class TableDefinitionTest {

  @Test
  void seedConfigGivesTwelveIndexesTypedByTheirKeys() {
    TableDefinition table = TableDefinition.fromConfig("users", SeedUsers.CONFIG);

    assertThat(table.hashKey()).isEqualTo(KeyAttribute.string("hashKey"));
    assertThat(table.rangeKey()).isEqualTo(KeyAttribute.string("rangeKey"));
    assertThat(table.globalIndexes()).hasSize(12);
    assertThat(table.globalIndex("created"))
        .contains(
            new GlobalIndex(
                "created",
                KeyAttribute.string("hashKey"),
                KeyAttribute.number("created"),
                IndexProjection.ALL));
    assertThat(table.globalIndex("userBeneficiaryFirstName"))
        .contains(
            new GlobalIndex(
                "userBeneficiaryFirstName",
                KeyAttribute.string("beneficiaryHashKey"),
                KeyAttribute.string("firstNameRangeKey"),
                IndexProjection.ALL));
    assertThat(table.globalIndex("phone").orElseThrow().rangeKey())
        .isEqualTo(KeyAttribute.string("phone"));
    assertThat(table.globalIndex("userUpdated").orElseThrow().hashKey())
        .isEqualTo(KeyAttribute.string("userHashKey"));
  }

  @Test
  void createRequestDefinesEachKeyAttributeOnceOnDemand() {
    CreateTableRequest request =
        TableDefinition.fromConfig("users", SeedUsers.CONFIG).toCreateTableRequest();

    Map<String, ScalarAttributeType> types =
        request.attributeDefinitions().stream()
            .collect(
                Collectors.toMap(
                    AttributeDefinition::attributeName, AttributeDefinition::attributeType));
    assertThat(types)
        .isEqualTo(
            Map.of(
                "hashKey",
                ScalarAttributeType.S,
                "rangeKey",
                ScalarAttributeType.S,
                "beneficiaryHashKey",
                ScalarAttributeType.S,
                "userHashKey",
                ScalarAttributeType.S,
                "created",
                ScalarAttributeType.N,
                "updated",
                ScalarAttributeType.N,
                "firstNameRangeKey",
                ScalarAttributeType.S,
                "lastNameRangeKey",
                ScalarAttributeType.S,
                "phone",
                ScalarAttributeType.S));
    assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(request.globalSecondaryIndexes())
        .hasSize(12)
        .allSatisfy(index -> assertThat(index.provisionedThroughput()).isNull());
  }

  @Test
  void projectionsGiveIncludeAndAnEmptyListGivesKeysOnly() {
    TableDefinition table =
        TableDefinition.fromConfig(
            "users",
            SeedConfig.with(
                "\"phone\": { \"hashKey\": \"hashKey\", \"rangeKey\": \"phone\" }",
                "\"phone\": { \"hashKey\": \"hashKey\", \"rangeKey\": \"phone\", \"projections\": "
                    + "[\"userId\", \"firstName\"] }, \"slim\": { \"hashKey\": \"userHashKey\", "
                    + "\"rangeKey\": \"phone\", \"projections\": [] }"));

    assertThat(table.globalIndex("phone").orElseThrow().projection())
        .isEqualTo(new IndexProjection(ProjectionType.INCLUDE, List.of("firstName", "userId")));
    assertThat(table.globalIndex("slim").orElseThrow().projection())
        .isEqualTo(IndexProjection.KEYS_ONLY);
    assertThat(
            table.toCreateTableRequest().globalSecondaryIndexes().stream()
                .filter(i -> i.indexName().equals("phone"))
                .findFirst()
                .orElseThrow()
                .projection()
                .nonKeyAttributes())
        .containsExactly("firstName", "userId");
  }

  @Test
  void transcodedRangeKeysTakeTheTranscodesType() {
    TableDefinition table =
        TableDefinition.fromConfig(
            "users",
            SeedConfig.with(
                "\"userId\": \"string\"",
                "\"userId\": \"string\", \"score\": \"fix6\", \"rank\": \"int\", "
                    + "\"big\": \"bigint20\", \"nickname\": \"string\"",
                "\"indexes\": {",
                "\"indexes\": { \"score\": { \"hashKey\": \"hashKey\", \"rangeKey\": \"score\" }, "
                    + "\"rank\": { \"hashKey\": \"hashKey\", \"rangeKey\": \"rank\" }, "
                    + "\"big\": { \"hashKey\": \"hashKey\", \"rangeKey\": \"big\" }, "
                    + "\"nickname\": { \"hashKey\": \"hashKey\", \"rangeKey\": \"nickname\" }, "
                    + "\"byRangeKey\": { \"hashKey\": \"userHashKey\", \"rangeKey\": \"rangeKey\" },"));

    assertThat(table.globalIndex("score").orElseThrow().rangeKey())
        .isEqualTo(KeyAttribute.number("score"));
    assertThat(table.globalIndex("rank").orElseThrow().rangeKey())
        .isEqualTo(KeyAttribute.number("rank"));
    assertThat(table.globalIndex("big").orElseThrow().rangeKey())
        .isEqualTo(KeyAttribute.number("big"));
    assertThat(table.globalIndex("nickname").orElseThrow().rangeKey())
        .isEqualTo(KeyAttribute.string("nickname"));
    assertThat(table.globalIndex("byRangeKey").orElseThrow().rangeKey())
        .isEqualTo(KeyAttribute.string("rangeKey"));
  }

  @Test
  void aBooleanRangeKeyIsRefusedWithTheReasonAndTheWayOut() {
    var config =
        SeedConfig.with(
            "\"userId\": \"string\"",
            "\"userId\": \"string\", \"active\": \"boolean\", \"vip\": \"boolean\"",
            "\"indexes\": {",
            "\"indexes\": { \"active\": { \"hashKey\": \"hashKey\", \"rangeKey\": \"active\" }, "
                + "\"vip\": { \"hashKey\": \"userHashKey\", \"rangeKey\": \"vip\" },");

    assertThatThrownBy(() -> TableDefinition.fromConfig("users", config))
        .isInstanceOfSatisfying(
            InvalidTableDefinitionException.class,
            e -> {
              assertThat(e.problems()).hasSize(2);
              assertThat(e.problems().get(0))
                  .startsWith("index 'active': range key 'active' uses the" + " boolean transcode")
                  .contains("strings, numbers or binary")
                  .contains("generated property");
            })
        .hasMessageStartingWith(
            "cannot define table 'users' from the entity configuration (2" + " problems)");
  }
}
