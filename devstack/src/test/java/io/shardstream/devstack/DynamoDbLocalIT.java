package io.shardstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.devstack.junit.DevStackExtension;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@ExtendWith(DevStackExtension.class)
class DynamoDbLocalIT {

  @Test
  void createsATableAndReadsBackAnItem(DynamoDbEndpoint dynamoDb) {
    String table = "devstack-it-" + UUID.randomUUID();
    Map<String, AttributeValue> item =
        Map.of(
            "hashKey", AttributeValue.fromS("user!1f"),
            "rangeKey", AttributeValue.fromS("userId#42"),
            "firstName", AttributeValue.fromS("Ada"));
    try (DynamoDbClient client = DynamoDbClients.client(dynamoDb)) {
      DynamoDbClients.createTable(client, table);
      client.putItem(b -> b.tableName(table).item(item));

      Map<String, AttributeValue> read =
          client
              .getItem(
                  b ->
                      b.tableName(table)
                          .consistentRead(true)
                          .key(
                              Map.of(
                                  "hashKey",
                                  item.get("hashKey"),
                                  "rangeKey",
                                  item.get("rangeKey"))))
              .item();

      assertThat(read).isEqualTo(item);
    }
  }

  /** Shared by the DynamoDB tests: a client for DynamoDB Local and a minimal hash + range table. */
  static final class DynamoDbClients {

    static DynamoDbClient client(DynamoDbEndpoint endpoint) {
      return DynamoDbClient.builder()
          .endpointOverride(endpoint.url())
          .region(Region.of(DynamoDbEndpoint.REGION))
          .credentialsProvider(
              StaticCredentialsProvider.create(
                  AwsBasicCredentials.create(
                      DynamoDbEndpoint.ACCESS_KEY_ID, DynamoDbEndpoint.SECRET_ACCESS_KEY)))
          .httpClient(UrlConnectionHttpClient.create())
          .build();
    }

    static void createTable(DynamoDbClient client, String table) {
      client.createTable(
          b ->
              b.tableName(table)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName("hashKey")
                          .attributeType(ScalarAttributeType.S)
                          .build(),
                      AttributeDefinition.builder()
                          .attributeName("rangeKey")
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder()
                          .attributeName("hashKey")
                          .keyType(KeyType.HASH)
                          .build(),
                      KeySchemaElement.builder()
                          .attributeName("rangeKey")
                          .keyType(KeyType.RANGE)
                          .build()));
    }
  }
}
