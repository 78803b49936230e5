package io.shardstream.ingest.stream;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.Stream;

/**
 * DynamoDB Local names its region {@code ddblocal} in stream ARNs; the streams adapter (2.0.x)
 * accepts only real regions in the ARNs it parses. This interceptor, on the DynamoDB Streams client
 * used against DynamoDB Local, shows the adapter ARNs in the client's region and gives DynamoDB
 * Local back its own: requests' ARNs are mapped to {@code ddblocal}, responses' to the client's
 * region. Against AWS it is not installed.
 */
public final class ArnRegionInterceptor implements ExecutionInterceptor {
  public static final String LOCAL_REGION = "ddblocal";
  private static final Pattern ARN_REGION = Pattern.compile("^(arn:[^:]+:dynamodb:)([^:]+)(:)");

  private final String clientRegion;

  public ArnRegionInterceptor(String clientRegion) {
    this.clientRegion = Objects.requireNonNull(clientRegion, "clientRegion");
  }

  /** The ARN with {@code region} as its region (unchanged when it is not a DynamoDB ARN). */
  public static String withRegion(String arn, String region) {
    return arn == null ? null : ARN_REGION.matcher(arn).replaceFirst("$1" + region + "$3");
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    return switch (context.request()) {
      case DescribeStreamRequest describe ->
          describe.toBuilder().streamArn(withRegion(describe.streamArn(), LOCAL_REGION)).build();
      case GetShardIteratorRequest iterator ->
          iterator.toBuilder().streamArn(withRegion(iterator.streamArn(), LOCAL_REGION)).build();
      default -> context.request();
    };
  }

  @Override
  public SdkResponse modifyResponse(
      Context.ModifyResponse context, ExecutionAttributes attributes) {
    return switch (context.response()) {
      case DescribeStreamResponse describe when describe.streamDescription() != null ->
          describe.toBuilder()
              .streamDescription(
                  describe.streamDescription().toBuilder()
                      .streamArn(withRegion(describe.streamDescription().streamArn(), clientRegion))
                      .build())
              .build();
      case ListStreamsResponse list ->
          list.toBuilder()
              .streams(streams(list.streams()))
              .lastEvaluatedStreamArn(withRegion(list.lastEvaluatedStreamArn(), clientRegion))
              .build();
      default -> context.response();
    };
  }

  private List<Stream> streams(List<Stream> streams) {
    return streams.stream()
        .map(
            stream ->
                stream.toBuilder().streamArn(withRegion(stream.streamArn(), clientRegion)).build())
        .toList();
  }
}
