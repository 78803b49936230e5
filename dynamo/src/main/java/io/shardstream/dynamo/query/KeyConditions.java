package io.shardstream.dynamo.query;

import io.shardstream.core.query.KeyCondition;
import io.shardstream.core.query.PartitionQuery;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A partition query's KeyConditionExpression: the index hash key, then the range-key condition. */
final class KeyConditions {
  private KeyConditions() {}

  static String expression(PartitionQuery query, Expressions expressions) {
    String hashKey =
        expressions.name(query.hashKeyAttribute())
            + " = "
            + expressions.value(AttributeValue.fromS(query.hashKeyValue()));
    // The range key's name is taken only when a condition uses it: DynamoDB rejects a request
    // that declares a placeholder its expressions do not use.
    return switch (query.condition()) {
      case KeyCondition.All all -> hashKey;
      case KeyCondition.BeginsWith b -> hashKey + " AND " + prefix(query, b, expressions);
      case KeyCondition.Between b ->
          hashKey
              + " AND "
              + expressions.name(query.rangeKeyAttribute())
              + " BETWEEN "
              + expressions.value(KeyValues.attribute(b.lo()))
              + " AND "
              + expressions.value(KeyValues.attribute(b.hi()));
      case KeyCondition.Compare c ->
          hashKey
              + " AND "
              + expressions.name(query.rangeKeyAttribute())
              + " "
              + c.operator().symbol()
              + " "
              + expressions.value(KeyValues.attribute(c.value()));
    };
  }

  /** As a BETWEEN when the prefix has a successor ({@link PrefixRange}), else begins_with. */
  private static String prefix(
      PartitionQuery query, KeyCondition.BeginsWith condition, Expressions expressions) {
    String name = expressions.name(query.rangeKeyAttribute());
    String prefix = condition.prefix().text();
    return PrefixRange.upperBound(prefix)
        .map(
            upper ->
                name
                    + " BETWEEN "
                    + expressions.value(AttributeValue.fromS(prefix))
                    + " AND "
                    + expressions.value(AttributeValue.fromS(upper)))
        .orElseGet(
            () ->
                "begins_with("
                    + name
                    + ", "
                    + expressions.value(AttributeValue.fromS(prefix))
                    + ")");
  }
}
