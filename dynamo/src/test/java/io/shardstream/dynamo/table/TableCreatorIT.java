package io.shardstream.dynamo.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.core.testing.SeedUsers;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.dynamo.LocalDynamoDb;
import io.shardstream.dynamo.SeedConfig;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@ExtendWith(DevStackExtension.class)
class TableCreatorIT {
  private static final Logger LOG = LoggerFactory.getLogger(TableCreatorIT.class);

  @Test
  void createsTheSeedTableWithItsTwelveIndexesOnceAndAcceptsItAfterwards(
      DynamoDbEndpoint endpoint) {
    String table = LocalDynamoDb.tableName("seed");
    try (DynamoDbClient client = LocalDynamoDb.client(endpoint)) {
      assertThat(TableCreator.ensure(client, table, SeedUsers.CONFIG))
          .isEqualTo(TableCreator.EnsuredTable.CREATED);
      assertThat(TableCreator.ensure(client, table, SeedUsers.CONFIG))
          .isEqualTo(TableCreator.EnsuredTable.EXISTED);

      TableSummary summary = TableDescriber.describe(client, table).orElseThrow();
      LOG.info("described:\n{}", summary.render());
      assertThat(summary.status()).isEqualTo("ACTIVE");
      assertThat(summary.billingMode()).isEqualTo("PAY_PER_REQUEST");
      assertThat(summary.definition())
          .isEqualTo(TableDefinition.fromConfig(table, SeedUsers.CONFIG));
      assertThat(summary.globalIndexes())
          .hasSize(12)
          .allSatisfy(index -> assertThat(index.status()).isEqualTo("ACTIVE"));
      assertThat(summary.render())
          .contains("userBeneficiaryLastName")
          .contains("hashKey (S) / created (N), projection ALL");
      assertThat(TableDescriber.countItems(client, table)).isZero();
    }
  }

  @Test
  void creatorsRacingForTheSameTableBothSucceed(DynamoDbEndpoint endpoint) throws Exception {
    String table = LocalDynamoDb.tableName("race");
    try (DynamoDbClient client = LocalDynamoDb.client(endpoint);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Callable<TableCreator.EnsuredTable> ensure =
          () -> TableCreator.ensure(client, table, SeedUsers.CONFIG);
      List<Future<TableCreator.EnsuredTable>> outcomes =
          threads.invokeAll(List.of(ensure, ensure, ensure));

      assertThat(outcomes.stream().map(LocalFutures::get).toList())
          .containsOnlyOnce(TableCreator.EnsuredTable.CREATED);
    }
  }

  @Test
  void refusesATableWithAnotherKeySchemaListingEveryDifference(DynamoDbEndpoint endpoint) {
    String table = LocalDynamoDb.tableName("other-keys");
    try (DynamoDbClient client = LocalDynamoDb.client(endpoint)) {
      client.createTable(
          b ->
              b.tableName(table)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName("pk")
                          .attributeType(ScalarAttributeType.S)
                          .build(),
                      AttributeDefinition.builder()
                          .attributeName("sk")
                          .attributeType(ScalarAttributeType.N)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                      KeySchemaElement.builder()
                          .attributeName("sk")
                          .keyType(KeyType.RANGE)
                          .build()));

      assertThatThrownBy(() -> TableCreator.ensure(client, table, SeedUsers.CONFIG))
          .isInstanceOfSatisfying(
              TableMismatchException.class,
              e -> {
                LOG.info("mismatch reported as:\n{}", e.getMessage());
                assertThat(e.differences()).hasSize(14);
                assertThat(e.differences())
                    .startsWith(
                        "table hash key is pk (S), the config wants hashKey (S)",
                        "table range key is sk (N), the config wants rangeKey (S)",
                        "index 'created' is missing (the config defines it as hashKey (S) / created (N),"
                            + " projection ALL)");
              })
          .hasMessageContaining("does not match the entity configuration (14 differences)")
          .hasMessageContaining("replay into a new table");
    }
  }

  @Test
  void refusesATableCreatedFromAnotherConfiguration(DynamoDbEndpoint endpoint) {
    String table = LocalDynamoDb.tableName("other-config");
    var otherConfig =
        SeedConfig.with(
            "\"updated\": \"timestamp\"", "\"updated\": \"string\"",
            // The declared attribute follows its transcode (the config refuses them apart), and a
            // string cannot be "not before" a timestamp.
            "\"updated\": { \"type\": \"timestamp\"", "\"updated\": { \"type\": \"string\"",
            ", \"notBefore\": \"created\"", "",
            "\"phone\": { \"hashKey\": \"hashKey\", \"rangeKey\": \"phone\" },", "");
    try (DynamoDbClient client = LocalDynamoDb.client(endpoint)) {
      TableCreator.ensure(client, table, otherConfig);

      assertThatThrownBy(() -> TableCreator.ensure(client, table, SeedUsers.CONFIG))
          .isInstanceOfSatisfying(
              TableMismatchException.class,
              e ->
                  assertThat(e.differences())
                      .containsExactly(
                          "index 'phone' is missing (the config defines it as hashKey (S) / phone (S),"
                              + " projection ALL)",
                          "index 'updated' range key is updated (S), the config wants updated (N)",
                          "index 'userBeneficiaryUpdated' range key is updated (S), the config wants"
                              + " updated (N)",
                          "index 'userUpdated' range key is updated (S), the config wants updated (N)"));
    }
  }

  @Test
  void describesNothingForAMissingTable(DynamoDbEndpoint endpoint) {
    try (DynamoDbClient client = LocalDynamoDb.client(endpoint)) {
      assertThat(TableDescriber.describe(client, LocalDynamoDb.tableName("missing"))).isEmpty();
    }
  }

  private static final class LocalFutures {
    static <T> T get(Future<T> future) {
      try {
        return future.get();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }
}
