package io.shardstream.queryapi;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.shardstream.dynamo.query.DynamoItemLookup;
import io.shardstream.dynamo.query.RequestLimit;
import io.shardstream.service.Problem;
import io.shardstream.service.ProblemRoutes;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * DynamoDB failures as problems: throttling, DynamoDB's own errors, timeouts, unreachable endpoints
 * and a missing table (not created yet) are a 503 with Retry-After (the request was fine; try
 * again); a request DynamoDB rejects as invalid is this server's bug, a 500. Either way the client
 * gets an error id, the log gets the exception.
 */
final class DynamoFailures {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoFailures.class);
  private static final String RETRY_AFTER_SECONDS = "1";

  private DynamoFailures() {}

  static void install(JavalinConfig config) {
    config.routes.exception(
        SdkException.class,
        (e, ctx) -> {
          if (e instanceof AwsServiceException service
              && !service.isThrottlingException()
              && !(e instanceof ResourceNotFoundException)
              && service.statusCode() >= 400
              && service.statusCode() < 500) {
            fail(
                ctx,
                500,
                "Internal Server Error",
                "DynamoDB refused a request this server made",
                e);
          } else {
            unavailable(ctx, e);
          }
        });
    config.routes.exception(
        DynamoItemLookup.UnprocessedKeysException.class, (e, ctx) -> unavailable(ctx, e));
    config.routes.exception(
        RequestLimit.RequestInterruptedException.class, (e, ctx) -> unavailable(ctx, e));
  }

  private static void unavailable(Context ctx, Exception e) {
    ctx.header("Retry-After", RETRY_AFTER_SECONDS);
    fail(ctx, 503, "Service Unavailable", "the table could not be read just now; retry", e);
  }

  private static void fail(Context ctx, int status, String title, String detail, Exception e) {
    String errorId = UUID.randomUUID().toString();
    LOG.warn("{} {} failed with {} (error id {})", ctx.method(), ctx.path(), status, errorId, e);
    ProblemRoutes.respond(
        ctx,
        Problem.of(status, title, detail + " (error id " + errorId + ")").with("errorId", errorId));
  }
}
