package io.shardstream.queryapi;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.dynamo.DynamoDbClients;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.table.TableCreator;
import io.shardstream.dynamo.write.BatchWriteResult;
import io.shardstream.dynamo.write.BatchWriter;
import io.shardstream.dynamo.write.WriteOperation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The seed table on DynamoDB Local and query API servers over it, for the integration tests. */
final class LocalQueryApi {
  private LocalQueryApi() {}

  static DynamoDbClient client(DynamoDbEndpoint endpoint) {
    return DynamoDbClients.create(
        DynamoDbClients.Settings.defaults()
            .withLocalEndpoint(
                endpoint.url(),
                DynamoDbEndpoint.REGION,
                DynamoDbEndpoint.ACCESS_KEY_ID,
                DynamoDbEndpoint.SECRET_ACCESS_KEY)
            .withMaxConnections(16)
            .withoutSdkRetries());
  }

  /** A new seed table: tables outlive a test in the shared DynamoDB Local; never reuse names. */
  static String createTable(DynamoDbClient client, String prefix) {
    String table = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
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
            new QueryApiSettings.CursorKey(SeedUsers.CURSOR_KEY, false),
            QueryApiSettings.DEFAULT_MAX_LIMIT,
            16,
            ApiKeys.parse(apiKeys));
    return new QueryApiServer(settings).start();
  }

  static QueryApiServer start(DynamoDbEndpoint endpoint, String table, String apiKeys) {
    return start(endpoint, table, apiKeys, SeedUsers.CONFIG);
  }
}
