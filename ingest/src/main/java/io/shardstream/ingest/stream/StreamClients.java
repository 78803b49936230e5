package io.shardstream.ingest.stream;

import io.shardstream.dynamo.DynamoDbClients;
import io.shardstream.service.CommonSettings;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The AWS clients the stream source uses, all on one endpoint and region: DynamoDB (KCL's lease
 * tables, and the source table's description), DynamoDB Streams (the records) and CloudWatch (which
 * KCL requires but, with metrics off, never calls). Against DynamoDB Local they use fixed
 * credentials (it checks none) and map its {@code ddblocal} ARN region ({@link
 * ArnRegionInterceptor}).
 */
final class StreamClients implements AutoCloseable {
  private final URI endpoint;
  private final Region region;
  private final DynamoDbAsyncClient dynamoDb;
  private final DynamoDbStreamsClient streams;
  private final CloudWatchAsyncClient cloudWatch;

  private StreamClients(DynamoDbClients.Settings where, Region region) {
    this.endpoint = where.endpoint();
    this.region = region;
    // The region is always explicit: KCL and the ARN mapping need to know it.
    this.dynamoDb =
        DynamoDbClients.pointTo(DynamoDbAsyncClient.builder(), where)
            .region(region)
            .httpClientBuilder(NettyNioAsyncHttpClient.builder())
            .build();
    var streamsBuilder =
        DynamoDbClients.pointTo(DynamoDbStreamsClient.builder(), where)
            .region(region)
            .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (endpoint != null) {
      streamsBuilder.overrideConfiguration(
          o -> o.addExecutionInterceptor(new ArnRegionInterceptor(region.id())));
    }
    this.streams = streamsBuilder.build();
    this.cloudWatch =
        DynamoDbClients.pointTo(CloudWatchAsyncClient.builder(), where)
            .region(region)
            .httpClientBuilder(NettyNioAsyncHttpClient.builder())
            .build();
  }

  /**
   * Endpoint, region and credentials by the services' rule ({@link DynamoDbClients.Settings#at}).
   *
   * @param endpoint DynamoDB Local's URL, or null for AWS (credentials from the default chain)
   * @param region null for the SDK's lookup against AWS, the local default with an endpoint
   */
  static StreamClients create(URI endpoint, String region) {
    DynamoDbClients.Settings where =
        DynamoDbClients.Settings.defaults()
            .at(Optional.ofNullable(endpoint), Optional.ofNullable(region));
    return new StreamClients(
        where, where.region() != null ? Region.of(where.region()) : defaultRegion());
  }

  private static Region defaultRegion() {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      throw new StreamSourceException(
          "no AWS region found: set "
              + CommonSettings.DYNAMODB_REGION.envName()
              + " (or AWS_REGION, or a profile's region)");
    }
  }

  Region region() {
    return region;
  }

  DynamoDbAsyncClient dynamoDb() {
    return dynamoDb;
  }

  DynamoDbStreamsClient streams() {
    return streams;
  }

  CloudWatchAsyncClient cloudWatch() {
    return cloudWatch;
  }

  /**
   * The table's current stream, as KCL is to see it (in the client's region).
   *
   * @throws StreamSourceException when the table is missing, its stream is off or does not carry
   *     both images, or DynamoDB cannot be reached
   */
  String streamArn(String table) {
    TableDescription description;
    try {
      description = dynamoDb.describeTable(r -> r.tableName(table)).join().table();
    } catch (CompletionException e) {
      if (e.getCause() instanceof ResourceNotFoundException) {
        throw new StreamSourceException("source table '" + table + "' not found" + where());
      }
      throw new StreamSourceException(
          "cannot describe source table '"
              + table
              + "'"
              + where()
              + ": "
              + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
          e);
    }
    StreamSpecification stream = description.streamSpecification();
    if (stream == null
        || !Boolean.TRUE.equals(stream.streamEnabled())
        || description.latestStreamArn() == null) {
      throw new StreamSourceException(
          "source table '"
              + table
              + "' has no stream: enable one with view type "
              + "NEW_AND_OLD_IMAGES");
    }
    if (stream.streamViewType() != StreamViewType.NEW_AND_OLD_IMAGES) {
      throw new StreamSourceException(
          "source table '"
              + table
              + "' streams "
              + stream.streamViewTypeAsString()
              + ": the source needs NEW_AND_OLD_IMAGES (upserts read the new image, deletes the old"
              + " one)");
    }
    String arn = description.latestStreamArn();
    return endpoint != null ? ArnRegionInterceptor.withRegion(arn, region.id()) : arn;
  }

  private String where() {
    return endpoint != null ? " at " + endpoint : " in " + region.id();
  }

  @Override
  public void close() {
    streams.close();
    dynamoDb.close();
    cloudWatch.close();
  }
}
