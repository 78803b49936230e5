package io.shardstream.dynamo;

import io.shardstream.devstack.DynamoDbEndpoint;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Clients and fresh table names for the integration tests on DynamoDB Local. */
public final class LocalDynamoDb {
  private LocalDynamoDb() {}

  /** A client as the writer builds one: no SDK retries, the BatchWriter retries. */
  public static DynamoDbClient client(DynamoDbEndpoint endpoint) {
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

  /** Tables outlive a test class in the shared DynamoDB Local: never reuse a name. */
  public static String tableName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Every item of the table, consistent read, by (hashKey, rangeKey). */
  public static Map<TableRow, Map<String, Object>> scan(
      DynamoDbClient client, String table, TableKeys keys) {
    return client.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
        .collect(Collectors.toMap(item -> TableRow.of(item, keys), ItemMapper::fromAttributes));
  }

  /** A table key as two strings, for readable assertion messages. */
  public record TableRow(String hashKey, String rangeKey) {
    static TableRow of(Map<String, AttributeValue> item, TableKeys keys) {
      return new TableRow(item.get(keys.hashKey()).s(), item.get(keys.rangeKey()).s());
    }

    public static TableRow of(Map<String, ?> item, String hashKey, String rangeKey) {
      return new TableRow((String) item.get(hashKey), (String) item.get(rangeKey));
    }
  }
}
