package io.shardstream.queryapi;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.testing.SeedUsers;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.dynamo.LocalDynamoDb;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.table.TableCreator;
import io.shardstream.dynamo.write.BatchWriteResult;
import io.shardstream.dynamo.write.BatchWriter;
import io.shardstream.dynamo.write.WriteOperation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The seed table on DynamoDB Local and query API servers over it, for the integration tests. */
final class LocalQueryApi {
  private LocalQueryApi() {}

  /** A new seed table: tables outlive a test in the shared DynamoDB Local; never reuse names. */
  static String createTable(DynamoDbClient client, String prefix) {
    String table = LocalDynamoDb.tableName(prefix);
    TableCreator.ensure(client, table, SeedUsers.CONFIG);
    return table;
  }

  static void write(DynamoDbClient client, String table, List<Map<String, Object>> items) {
    List<WriteOperation> puts =
        items.stream().map(WriteOperation::putItem).map(WriteOperation.class::cast).toList();
    BatchWriteResult result =
        BatchWriter.builder(client, table, TableKeys.of(SeedUsers.CONFIG)).build().write(puts);
    if (!result.allWritten()) {
      throw new IllegalStateException("writes refused: " + result.rejected());
    }
  }

  /** A started server on its own client, on a free port, signing cursors with the test key. */
  static QueryApiServer start(
      DynamoDbEndpoint endpoint, String table, String apiKeys, EntityConfig config) {
    QueryApiSettings settings =
        new QueryApiSettings(
            "localhost",
            0,
            Optional.of(endpoint.url()),
            Optional.of(DynamoDbEndpoint.REGION),
            table,
            config,
            "test",
            new QueryApiSettings.CursorKey(CursorKeys.TEST, false),
            QueryApiSettings.DEFAULT_MAX_LIMIT,
            16,
            ApiKeys.parse(apiKeys));
    return new QueryApiServer(settings).start();
  }

  static QueryApiServer start(DynamoDbEndpoint endpoint, String table, String apiKeys) {
    return start(endpoint, table, apiKeys, SeedUsers.CONFIG);
  }
}
