package io.shardstream.dynamo.table;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/** CreateTable for a table definition. */
final class CreateTableOperation {
  private CreateTableOperation() {}

  /**
   * Sends CreateTable.
   *
   * @return false when the table already exists (another process created it between our
   *     DescribeTable and this call), so the caller compares instead of failing
   */
  static boolean create(DynamoDbClient client, TableDefinition table) {
    try {
      client.createTable(table.toCreateTableRequest());
      return true;
    } catch (ResourceInUseException e) {
      return false;
    }
  }
}
