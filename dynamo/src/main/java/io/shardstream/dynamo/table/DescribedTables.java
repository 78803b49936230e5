package io.shardstream.dynamo.table;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** DescribeTable's answer → table definition, so it compares with one built from the config. */
final class DescribedTables {
  private DescribedTables() {}

  static TableDefinition definition(TableDescription table) {
    Map<String, AttributeDefinition> types =
        table.attributeDefinitions().stream()
            .collect(Collectors.toMap(AttributeDefinition::attributeName, Function.identity()));
    List<GlobalIndex> indexes =
        table.globalSecondaryIndexes().stream().map(index -> globalIndex(index, types)).toList();
    return new TableDefinition(
        table.tableName(),
        key(table.keySchema(), KeyType.HASH, types),
        key(table.keySchema(), KeyType.RANGE, types),
        indexes);
  }

  static GlobalIndex globalIndex(
      GlobalSecondaryIndexDescription index, Map<String, AttributeDefinition> types) {
    return new GlobalIndex(
        index.indexName(),
        key(index.keySchema(), KeyType.HASH, types),
        key(index.keySchema(), KeyType.RANGE, types),
        projection(index.projection()));
  }

  static KeyAttribute key(
      List<KeySchemaElement> schema, KeyType keyType, Map<String, AttributeDefinition> types) {
    return schema.stream()
        .filter(element -> element.keyType() == keyType)
        .findFirst()
        .map(
            element ->
                new KeyAttribute(
                    element.attributeName(), types.get(element.attributeName()).attributeType()))
        .orElse(null);
  }

  private static IndexProjection projection(Projection projection) {
    if (projection == null || projection.projectionType() == null) {
      return IndexProjection.ALL;
    }
    return projection.projectionType() == ProjectionType.INCLUDE
        ? IndexProjection.include(projection.nonKeyAttributes())
        : new IndexProjection(projection.projectionType(), List.of());
  }
}
