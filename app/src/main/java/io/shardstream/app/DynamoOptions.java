package io.shardstream.app;

import io.shardstream.dynamo.DynamoDbClients;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where the table lives: {@code --endpoint} (DynamoDB Local) or AWS itself (region and credentials
 * from the SDK's default chain). Defaults come from the same environment variables the services
 * read.
 */
final class DynamoOptions {
  @Option(names = "--table", defaultValue = "${env:SHARDSTREAM_DYNAMODB_TABLE:-shardstream}",
      description = "Table name (env SHARDSTREAM_DYNAMODB_TABLE). Default: ${DEFAULT-VALUE}.")
  String table;

  @Option(names = "--endpoint", defaultValue = "${env:SHARDSTREAM_DYNAMODB_ENDPOINT}",
      description = "DynamoDB endpoint, e.g. http://localhost:8000 for DynamoDB Local "
          + "(env SHARDSTREAM_DYNAMODB_ENDPOINT). Default: AWS.")
  URI endpoint;

  @Option(names = "--region", defaultValue = "${env:SHARDSTREAM_DYNAMODB_REGION}",
      description = "AWS region (env SHARDSTREAM_DYNAMODB_REGION). Default: the SDK's lookup; "
          + "us-east-1 with a local endpoint.")
  String region;

  DynamoDbClient client() {
    return DynamoDbClients.create(DynamoDbClients.Settings.defaults()
        .at(Optional.ofNullable(endpoint), Optional.ofNullable(region)));
  }

  String where() {
    return table + (endpoint == null ? "" : " at " + endpoint);
  }
}
