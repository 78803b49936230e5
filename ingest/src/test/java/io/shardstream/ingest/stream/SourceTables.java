package io.shardstream.ingest.stream;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Source tables and items for the stream source's tests, here and in app's (ingest's test-jar). */
public final class SourceTables {
  public static final long CREATED = 1_740_824_130_123L;

  private SourceTables() {}

  /** A users table keyed by userId with a NEW_AND_OLD_IMAGES stream. */
  public static void createUserTable(DynamoDbClient dynamo, String table) {
    dynamo.createTable(
        r ->
            r.tableName(table)
                .keySchema(
                    KeySchemaElement.builder()
                        .attributeName("userId")
                        .keyType(KeyType.HASH)
                        .build())
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("userId")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(
                    s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    dynamo.waiter().waitUntilTableExists(r -> r.tableName(table));
  }

  /** A user item: created fixed, updated = created + version seconds, version as a number. */
  public static Map<String, AttributeValue> user(String userId, long version, String firstName) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("userId", AttributeValue.fromS(userId));
    item.put("beneficiaryId", AttributeValue.fromS("b-1"));
    item.put("firstName", AttributeValue.fromS(firstName));
    item.put("lastName", AttributeValue.fromS("Gómez"));
    item.put("phone", AttributeValue.fromS("15551234567"));
    item.put("created", AttributeValue.fromN(Long.toString(CREATED)));
    item.put("updated", AttributeValue.fromN(Long.toString(CREATED + version * 1000)));
    item.put("version", AttributeValue.fromN(Long.toString(version)));
    item.put("ttl", AttributeValue.fromN("1900000000"));
    return item;
  }

  /** Puts {@link #user} into {@code table}. */
  public static void putUser(
      DynamoDbClient dynamo, String table, String userId, long version, String firstName) {
    dynamo.putItem(r -> r.tableName(table).item(user(userId, version, firstName)));
  }
}
