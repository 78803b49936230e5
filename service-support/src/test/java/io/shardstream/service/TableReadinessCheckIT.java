package io.shardstream.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.testing.SeedUsers;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.dynamo.LocalDynamoDb;
import io.shardstream.dynamo.table.TableCreator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DevStackExtension.class)
class TableReadinessCheckIT {

  @Test
  void isDownWhileTheTableIsMissingAndUpOnceItIsActive(DynamoDbEndpoint endpoint) {
    String table = LocalDynamoDb.tableName("ready");
    try (DynamoDbClient client = LocalDynamoDb.client(endpoint)) {
      TableReadinessCheck check = TableReadinessCheck.of(client, table);
      assertThat(check.check())
          .isEqualTo(HealthCheck.Result.down("table " + table + " does not exist"));

      TableCreator.ensure(client, table, SeedUsers.CONFIG);

      assertThat(check.check()).isEqualTo(HealthCheck.Result.up("table " + table + " is ACTIVE"));
    }
  }
}
