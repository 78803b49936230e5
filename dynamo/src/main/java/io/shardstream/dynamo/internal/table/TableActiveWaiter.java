package io.shardstream.dynamo.internal.table;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Polls DescribeTable until the table and every global index are ACTIVE. The SDK's waiter watches
 * the table status only, and a new index on a table with data backfills for minutes after the table
 * itself is ACTIVE; queries on it fail until then.
 */
public final class TableActiveWaiter {
  private final DynamoDbClient client;
  private final Duration timeout;
  private final Duration pollInterval;

  public TableActiveWaiter(DynamoDbClient client, Duration timeout, Duration pollInterval) {
    this.client = client;
    this.timeout = timeout;
    this.pollInterval = pollInterval;
  }

  public TableDescription await(String tableName) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<TableDescription> table = DescribeTableOperation.describe(client, tableName);
      if (table.isPresent() && isActive(table.get())) {
        return table.get();
      }
      if (table.isPresent() && table.get().tableStatus() == TableStatus.DELETING) {
        throw new IllegalStateException("table '" + tableName + "' is being deleted");
      }
      if (System.nanoTime() + pollInterval.toNanos() > deadline) {
        throw new IllegalStateException(
            "table '"
                + tableName
                + "' is not ACTIVE after "
                + timeout
                + ": "
                + table.map(TableActiveWaiter::status).orElse("not found"));
      }
      try {
        Thread.sleep(pollInterval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for table '" + tableName + "'", e);
      }
    }
  }

  static boolean isActive(TableDescription table) {
    return table.tableStatus() == TableStatus.ACTIVE
        && table.globalSecondaryIndexes().stream()
            .allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE);
  }

  private static String status(TableDescription table) {
    List<String> pending =
        table.globalSecondaryIndexes().stream()
            .filter(i -> i.indexStatus() != IndexStatus.ACTIVE)
            .map(TableActiveWaiter::indexStatus)
            .toList();
    return "table "
        + table.tableStatusAsString()
        + (pending.isEmpty() ? "" : ", indexes " + String.join(", ", pending));
  }

  private static String indexStatus(GlobalSecondaryIndexDescription index) {
    return index.indexName()
        + " "
        + index.indexStatusAsString()
        + (Boolean.TRUE.equals(index.backfilling()) ? " (backfilling)" : "");
  }
}
