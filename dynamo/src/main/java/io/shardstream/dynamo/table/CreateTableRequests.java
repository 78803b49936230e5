package io.shardstream.dynamo.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** Table definition → CreateTable request. */
final class CreateTableRequests {
  private CreateTableRequests() {}

  static CreateTableRequest of(TableDefinition table) {
    // DynamoDB wants each key attribute defined exactly once, however many indexes use it.
    Map<String, KeyAttribute> attributes = new LinkedHashMap<>();
    add(attributes, table.hashKey());
    add(attributes, table.rangeKey());
    for (GlobalIndex index : table.globalIndexes()) {
      add(attributes, index.hashKey());
      add(attributes, index.rangeKey());
    }
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(table.tableName())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                attributes.values().stream()
                    .map(
                        a ->
                            AttributeDefinition.builder()
                                .attributeName(a.name())
                                .attributeType(a.type())
                                .build())
                    .toList())
            .keySchema(keySchema(table.hashKey(), table.rangeKey()));
    if (!table.globalIndexes().isEmpty()) {
      request.globalSecondaryIndexes(
          table.globalIndexes().stream().map(CreateTableRequests::globalIndex).toList());
    }
    return request.build();
  }

  private static void add(Map<String, KeyAttribute> attributes, KeyAttribute attribute) {
    if (attribute == null) {
      return;
    }
    KeyAttribute earlier = attributes.putIfAbsent(attribute.name(), attribute);
    if (earlier != null && earlier.type() != attribute.type()) {
      throw new IllegalArgumentException(
          "attribute '"
              + attribute.name()
              + "' is a key of type "
              + earlier.type()
              + " in one place and "
              + attribute.type()
              + " in another");
    }
  }

  private static GlobalSecondaryIndex globalIndex(GlobalIndex index) {
    Projection.Builder projection = Projection.builder().projectionType(index.projection().type());
    if (index.projection().type() == ProjectionType.INCLUDE) {
      projection.nonKeyAttributes(index.projection().nonKeyAttributes());
    }
    return GlobalSecondaryIndex.builder()
        .indexName(index.name())
        .keySchema(keySchema(index.hashKey(), index.rangeKey()))
        .projection(projection.build())
        .build();
  }

  private static List<KeySchemaElement> keySchema(KeyAttribute hashKey, KeyAttribute rangeKey) {
    List<KeySchemaElement> schema = new ArrayList<>();
    schema.add(
        KeySchemaElement.builder().attributeName(hashKey.name()).keyType(KeyType.HASH).build());
    if (rangeKey != null) {
      schema.add(
          KeySchemaElement.builder().attributeName(rangeKey.name()).keyType(KeyType.RANGE).build());
    }
    return schema;
  }
}
