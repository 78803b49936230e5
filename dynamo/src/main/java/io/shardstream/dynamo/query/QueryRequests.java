package io.shardstream.dynamo.query;

import io.shardstream.core.query.PartitionQuery;
import io.shardstream.core.query.StartKey;
import io.shardstream.dynamo.TableKeys;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/** The DynamoDB Query that reads one page of a partition. */
final class QueryRequests {
  private QueryRequests() {}

  static QueryRequest of(
      String tableName,
      TableKeys tableKeys,
      PartitionQuery query,
      Optional<StartKey> start,
      int limit,
      boolean pushDownFilters) {
    Expressions expressions = new Expressions();
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(tableName)
            .indexName(query.indexToken())
            .keyConditionExpression(KeyConditions.expression(query, expressions))
            .scanIndexForward(query.scanForward())
            .limit(limit)
            // What the read cost, for the page's stats: free to ask for.
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
    if (pushDownFilters) {
      // An index on the table's hash key names it twice: a plain set, not Set.of.
      Set<String> keyAttributes =
          new HashSet<>(
              List.of(
                  tableKeys.hashKey(),
                  tableKeys.rangeKey(),
                  query.hashKeyAttribute(),
                  query.rangeKeyAttribute()));
      FilterPushDown.expression(query.filters(), keyAttributes, expressions)
          .ifPresent(request::filterExpression);
    }
    start.ifPresent(key -> request.exclusiveStartKey(KeyValues.attributes(key)));
    return request
        .expressionAttributeNames(expressions.names())
        .expressionAttributeValues(expressions.values())
        .build();
  }
}
