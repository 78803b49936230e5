package io.shardstream.dynamo.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/** Sorts a failed BatchWriteItem call into retry, reject or stop. */
final class ErrorClassifier {
  /** Error codes DynamoDB uses for "slow down" that have no exception class of their own. */
  private static final Set<String> THROTTLING_CODES =
      Set.of(
          "ThrottlingException",
          "ProvisionedThroughputExceededException",
          "RequestLimitExceeded",
          "RequestLimitExceededException",
          "TooManyRequestsException");

  private ErrorClassifier() {}

  static FailureKind classify(Throwable error) {
    if (error instanceof ProvisionedThroughputExceededException
        || error instanceof RequestLimitExceededException) {
      return FailureKind.THROTTLED;
    }
    if (error instanceof AwsServiceException service) {
      return classifyService(service);
    }
    if (error instanceof AbortedException) {
      // The SDK's answer to an interrupted thread: stopping was asked for.
      return FailureKind.FATAL;
    }
    if (error instanceof SdkClientException
        || error instanceof UncheckedIOException
        || error.getCause() instanceof IOException) {
      return FailureKind.CONNECTION;
    }
    return FailureKind.FATAL;
  }

  private static FailureKind classifyService(AwsServiceException error) {
    String code = error.awsErrorDetails() == null ? null : error.awsErrorDetails().errorCode();
    if (error.isThrottlingException() || (code != null && THROTTLING_CODES.contains(code))) {
      return FailureKind.THROTTLED;
    }
    // An item collection over 10 GB (local indexes only) is a property of the item's data:
    // no retry helps, like a validation error.
    if ("ValidationException".equals(code)
        || error instanceof ItemCollectionSizeLimitExceededException) {
      return FailureKind.VALIDATION;
    }
    if (error instanceof InternalServerErrorException || error.statusCode() >= 500) {
      return FailureKind.SERVER_ERROR;
    }
    return FailureKind.FATAL;
  }
}
