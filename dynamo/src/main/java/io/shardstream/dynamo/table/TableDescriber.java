package io.shardstream.dynamo.table;

import io.shardstream.dynamo.internal.table.DescribeTableOperation;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** What a table looks like now: for {@code shardstream table describe}. */
public final class TableDescriber {
  private TableDescriber() {}

  /** The table's summary, or empty when there is no such table. */
  public static Optional<TableSummary> describe(DynamoDbClient client, String tableName) {
    return DescribeTableOperation.describe(client, tableName).map(TableDescriber::summary);
  }

  /**
   * The exact number of items, by a full COUNT scan: reads (and is billed for) the whole table, so
   * for occasional checks, not for monitoring.
   */
  public static long countItems(DynamoDbClient client, String tableName) {
    return client.scanPaginator(b -> b.tableName(tableName).select(Select.COUNT)).stream()
        .mapToLong(ScanResponse::count)
        .sum();
  }

  static TableSummary summary(TableDescription table) {
    Map<String, AttributeDefinition> types =
        table.attributeDefinitions().stream()
            .collect(Collectors.toMap(AttributeDefinition::attributeName, Function.identity()));
    return new TableSummary(
        DescribedTables.definition(table),
        table.tableStatusAsString(),
        // Tables created provisioned before billing modes existed carry no billing summary.
        table.billingModeSummary() == null
            ? BillingMode.PROVISIONED.toString()
            : table.billingModeSummary().billingModeAsString(),
        orZero(table.itemCount()),
        orZero(table.tableSizeBytes()),
        table.creationDateTime(),
        table.globalSecondaryIndexes().stream()
            .map(
                index ->
                    new IndexSummary(
                        DescribedTables.globalIndex(index, types),
                        index.indexStatusAsString(),
                        Boolean.TRUE.equals(index.backfilling()),
                        orZero(index.itemCount()),
                        orZero(index.indexSizeBytes())))
            .sorted(java.util.Comparator.comparing(i -> i.index().name()))
            .toList());
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
