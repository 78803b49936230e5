package io.shardstream.dynamo.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.testing.SeedUsers;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class DescribedTablesTest {

  @Test
  void readsBackWhatTheCreateRequestAskedFor() {
    TableDefinition wanted = TableDefinition.fromConfig("users", SeedUsers.CONFIG);

    assertThat(described(wanted)).isEqualTo(wanted);
  }

  /** What DescribeTable would answer for a table created from {@code table}'s request. */
  static TableDefinition described(TableDefinition table) {
    CreateTableRequest request = table.toCreateTableRequest();
    TableDescription description =
        TableDescription.builder()
            .tableName(request.tableName())
            .attributeDefinitions(request.attributeDefinitions())
            .keySchema(request.keySchema())
            .globalSecondaryIndexes(
                request.globalSecondaryIndexes().stream()
                    .map(
                        i ->
                            GlobalSecondaryIndexDescription.builder()
                                .indexName(i.indexName())
                                .keySchema(i.keySchema())
                                .projection(i.projection())
                                .build())
                    .toList())
            .build();
    return DescribedTables.definition(description);
  }
}
