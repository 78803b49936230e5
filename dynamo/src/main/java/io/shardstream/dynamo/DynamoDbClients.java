package io.shardstream.dynamo;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the sync DynamoDB client shardstream uses: Apache HttpClient 5 with a connection pool
 * sized to the work running on virtual threads.
 */
public final class DynamoDbClients {
  private DynamoDbClients() {}

  /**
   * @param endpoint null for AWS itself; DynamoDB Local's URL otherwise
   * @param region null for the SDK's default lookup (AWS_REGION, profile, instance metadata)
   * @param credentials null for the SDK's default chain
   * @param maxConnections at least the number of requests in flight at once
   * @param sdkRetries false for clients whose caller retries itself (the {@code BatchWriter}), so a
   *     throttled request is not retried by both, multiplying the attempts
   */
  public record Settings(
      URI endpoint,
      String region,
      AwsCredentialsProvider credentials,
      int maxConnections,
      Duration connectionTimeout,
      Duration socketTimeout,
      boolean sdkRetries) {

    public Settings {
      Objects.requireNonNull(connectionTimeout, "connectionTimeout");
      Objects.requireNonNull(socketTimeout, "socketTimeout");
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1");
      }
    }

    /** AWS, default region and credentials, 50 connections, 2 s connect, 30 s read, SDK retries. */
    public static Settings defaults() {
      return new Settings(
          null, null, null, 50, Duration.ofSeconds(2), Duration.ofSeconds(30), true);
    }

    /** DynamoDB Local (or any endpoint) with fixed credentials, which it does not check. */
    public Settings withLocalEndpoint(
        URI url, String localRegion, String accessKeyId, String secretAccessKey) {
      return new Settings(
          url,
          localRegion,
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(accessKeyId, secretAccessKey)),
          maxConnections,
          connectionTimeout,
          socketTimeout,
          sdkRetries);
    }

    /**
     * Where the services' {@code dynamodb.endpoint} / {@code dynamodb.region} settings point: an
     * endpoint means DynamoDB Local (or another stand-in), which checks no credentials but the SDK
     * insists on some, in the given region or us-east-1; without one, AWS in the given region, or
     * the SDK's lookup of region and credentials.
     */
    public Settings at(Optional<URI> endpoint, Optional<String> region) {
      if (endpoint.isPresent()) {
        return withLocalEndpoint(endpoint.get(), region.orElse("us-east-1"), "local", "local");
      }
      return region.map(this::withRegion).orElse(this);
    }

    public Settings withRegion(String name) {
      return new Settings(
          endpoint,
          name,
          credentials,
          maxConnections,
          connectionTimeout,
          socketTimeout,
          sdkRetries);
    }

    public Settings withMaxConnections(int connections) {
      return new Settings(
          endpoint, region, credentials, connections, connectionTimeout, socketTimeout, sdkRetries);
    }

    public Settings withoutSdkRetries() {
      return new Settings(
          endpoint, region, credentials, maxConnections, connectionTimeout, socketTimeout, false);
    }
  }

  /**
   * The rule for a DynamoDB endpoint ({@code dynamodb.endpoint}, {@code --endpoint}): an http or
   * https URL with a host, such as DynamoDB Local's {@code http://localhost:8000}.
   *
   * @throws IllegalArgumentException saying the rule, for anything else
   */
  public static URI endpoint(String text) {
    String trimmed = text.trim();
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below like any other non-URL
    }
    throw new IllegalArgumentException(
        "'"
            + trimmed
            + "' is not an http(s) URL with a host; "
            + "give one such as http://localhost:8000");
  }

  public static DynamoDbClient create(Settings settings) {
    DynamoDbClientBuilder builder =
        pointTo(DynamoDbClient.builder(), settings)
            .httpClientBuilder(
                Apache5HttpClient.builder()
                    .maxConnections(settings.maxConnections())
                    .connectionTimeout(settings.connectionTimeout())
                    .socketTimeout(settings.socketTimeout()));
    if (!settings.sdkRetries()) {
      builder.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }
    return builder.build();
  }

  /**
   * Points any AWS client builder (the async DynamoDB client, DynamoDB Streams, CloudWatch ...)
   * where {@code settings} do: their endpoint, region and credentials, each only when set (else the
   * SDK's lookup), so that every client of a service follows {@link Settings#at}'s one rule.
   */
  public static <B extends AwsClientBuilder<B, ?>> B pointTo(B builder, Settings settings) {
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    if (settings.region() != null) {
      builder.region(Region.of(settings.region()));
    }
    if (settings.credentials() != null) {
      builder.credentialsProvider(settings.credentials());
    }
    return builder;
  }
}
