package io.shardstream.dynamo.internal.table;

import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** DescribeTable, with "no such table" as an empty answer rather than an exception. */
public final class DescribeTableOperation {
  private DescribeTableOperation() {}

  public static Optional<TableDescription> describe(DynamoDbClient client, String tableName) {
    try {
      return Optional.of(client.describeTable(b -> b.tableName(tableName)).table());
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }
}
