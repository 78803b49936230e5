package io.shardstream.dynamo.query;

import io.shardstream.core.query.KeyCondition;
import io.shardstream.core.query.PartitionPage;
import io.shardstream.core.query.PartitionQuery;
import io.shardstream.core.query.PartitionReader;
import io.shardstream.core.query.StartKey;
import io.shardstream.dynamo.ItemMapper;
import io.shardstream.dynamo.TableKeys;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads index partitions with one DynamoDB Query per call: IndexName is the index token,
 * KeyConditionExpression the partition's hash key and range-key condition, ScanIndexForward its
 * direction, Limit and ExclusiveStartKey as given, and (optionally) the filters as a
 * FilterExpression. Items come back as plain values ({@link ItemMapper}), LastEvaluatedKey as a
 * typed {@link StartKey}.
 *
 * <p>Thread-safe: the merger calls it from many virtual threads at once, and every call waits for a
 * permit of the shared {@link RequestLimit}. Errors are the SDK's exceptions, unchanged (the
 * client's own retry strategy handles throttling).
 */
public final class DynamoPartitionReader implements PartitionReader {
  private final DynamoDbClient client;
  private final String tableName;
  private final TableKeys tableKeys;
  private final RequestLimit limit;
  private final boolean pushDownFilters;
  private final int minimumFetch;

  /**
   * Reads of at least {@value #DEFAULT_MINIMUM_FETCH} items: single-table items of this design are
   * well under 1 KB, so that many fit the one 4 KB read unit any Query pays for.
   */
  public static final int DEFAULT_MINIMUM_FETCH = 4;

  /**
   * @param pushDownFilters send the search's filters as a FilterExpression; the merger filters
   *     again either way, so this only saves the transfer of items that cannot match
   * @param minimumFetch the fewest items a read asks for ({@link PartitionReader#minimumFetch()})
   */
  public DynamoPartitionReader(
      DynamoDbClient client,
      String tableName,
      TableKeys tableKeys,
      RequestLimit limit,
      boolean pushDownFilters,
      int minimumFetch) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.tableKeys = Objects.requireNonNull(tableKeys, "tableKeys");
    this.limit = Objects.requireNonNull(limit, "limit");
    this.pushDownFilters = pushDownFilters;
    if (minimumFetch < 1) {
      throw new IllegalArgumentException("minimumFetch must be at least 1, got " + minimumFetch);
    }
    this.minimumFetch = minimumFetch;
  }

  public DynamoPartitionReader(
      DynamoDbClient client,
      String tableName,
      TableKeys tableKeys,
      RequestLimit limit,
      boolean pushDownFilters) {
    this(client, tableName, tableKeys, limit, pushDownFilters, DEFAULT_MINIMUM_FETCH);
  }

  /** Filters pushed down. */
  public DynamoPartitionReader(
      DynamoDbClient client, String tableName, TableKeys tableKeys, RequestLimit limit) {
    this(client, tableName, tableKeys, limit, true);
  }

  @Override
  public int minimumFetch() {
    return minimumFetch;
  }

  @Override
  public PartitionPage read(PartitionQuery query, Optional<StartKey> start, int pageLimit) {
    if (pageLimit < 1) {
      throw new IllegalArgumentException("Limit must be at least 1, got " + pageLimit);
    }
    QueryResponse response =
        limit.call(
            () ->
                client.query(
                    QueryRequests.of(
                        tableName, tableKeys, query, start, pageLimit, pushDownFilters)));
    List<Map<String, Object>> items =
        response.items().stream()
            .filter(item -> withinPrefix(query, item))
            .map(ItemMapper::fromAttributes)
            .toList();
    Optional<StartKey> next =
        response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
            ? Optional.of(KeyValues.startKey(response.lastEvaluatedKey()))
            : Optional.empty();
    double readUnits =
        response.consumedCapacity() == null || response.consumedCapacity().capacityUnits() == null
            ? 0
            : response.consumedCapacity().capacityUnits();
    return new PartitionPage(items, next, response.scannedCount(), readUnits);
  }

  /**
   * A prefix is queried as a range whose upper bound itself does not have the prefix ({@link
   * PrefixRange}): an item equal to the bound is dropped here.
   */
  private static boolean withinPrefix(PartitionQuery query, Map<String, AttributeValue> item) {
    if (!(query.condition() instanceof KeyCondition.BeginsWith beginsWith)) {
      return true;
    }
    AttributeValue range = item.get(query.rangeKeyAttribute());
    return range != null && range.s() != null && range.s().startsWith(beginsWith.prefix().text());
  }
}
