package io.shardstream.app;

import io.shardstream.dynamo.DynamoDbClients;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where the table lives: {@code --endpoint} (DynamoDB Local) or AWS itself (region and credentials
 * from the SDK's default chain). Defaults come from the same environment variables the services
 * read.
 */
final class DynamoOptions {
  @Option(
      names = "--table",
      defaultValue = "${env:SHARDSTREAM_DYNAMODB_TABLE:-shardstream}",
      description = "Table name (env SHARDSTREAM_DYNAMODB_TABLE). Default: ${DEFAULT-VALUE}.")
  String table;

  @Option(
      names = "--endpoint",
      converter = CheckedValues.Endpoint.class,
      defaultValue = "${env:SHARDSTREAM_DYNAMODB_ENDPOINT}",
      description =
          "DynamoDB endpoint, e.g. http://localhost:8000 for DynamoDB Local "
              + "(env SHARDSTREAM_DYNAMODB_ENDPOINT). Default: AWS.")
  URI endpoint;

  @Option(
      names = "--region",
      defaultValue = "${env:SHARDSTREAM_DYNAMODB_REGION}",
      description =
          "AWS region (env SHARDSTREAM_DYNAMODB_REGION). Default: the SDK's lookup; "
              + "us-east-1 with a local endpoint.")
  String region;

  DynamoDbClient client() {
    return DynamoDbClients.create(
        DynamoDbClients.Settings.defaults()
            .at(Optional.ofNullable(endpoint), Optional.ofNullable(region)));
  }

  /**
   * Runs {@code work} on a client for these options; a DynamoDB that cannot be reached, or AWS
   * without credentials or region, becomes one message saying what to check.
   */
  <T> T call(Function<DynamoDbClient, T> work) {
    try (DynamoDbClient client = client()) {
      return work.apply(client);
    } catch (SdkClientException e) {
      throw new UserException(explain(e), e);
    }
  }

  String where() {
    return table + (endpoint == null ? "" : " at " + endpoint);
  }

  private String explain(SdkClientException e) {
    String message = String.valueOf(e.getMessage());
    String local = "give --endpoint (SHARDSTREAM_DYNAMODB_ENDPOINT) for DynamoDB Local";
    if (message.contains("Unable to load credentials")) {
      return "no AWS credentials found (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, ~/.aws or an "
          + "instance role): set them, or "
          + local;
    }
    if (message.contains("Unable to load region")) {
      return "no AWS region: set --region (SHARDSTREAM_DYNAMODB_REGION) or AWS_REGION, or " + local;
    }
    Throwable network = networkCause(e);
    if (network == null) {
      return "DynamoDB request failed: " + message;
    }
    String why =
        network instanceof UnknownHostException
            ? "unknown host " + network.getMessage()
            : network instanceof SocketTimeoutException
                ? "timed out"
                : String.valueOf(network.getMessage());
    if (endpoint != null) {
      return "cannot reach DynamoDB at "
          + endpoint
          + " ("
          + why
          + "): check --endpoint "
          + "(SHARDSTREAM_DYNAMODB_ENDPOINT) and that DynamoDB is running there";
    }
    return "cannot reach AWS DynamoDB ("
        + why
        + "): check the network and the region (--region, "
        + "SHARDSTREAM_DYNAMODB_REGION), or "
        + local;
  }

  private static Throwable networkCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof SocketTimeoutException
          || t instanceof NoRouteToHostException) {
        return t;
      }
    }
    return null;
  }
}
