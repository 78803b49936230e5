package io.shardstream.dynamo.write;

import io.shardstream.dynamo.TableKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes one batch with BatchWriteItem until each of its writes is written, rejected or given up:
 * unprocessed items and retryable failures go again after a backoff; a validation error, which
 * DynamoDB reports for the whole request, is narrowed down to the guilty writes by splitting the
 * request in halves, so the valid writes beside them still land.
 */
final class BatchWriteItemOperation {
  private final DynamoDbClient client;
  private final String tableName;
  private final TableKeys keys;
  private final RetryPolicy policy;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final LongSupplier nanoClock;
  private final BatchWriteListener listener;
  private final AbortSignal abort;

  BatchWriteItemOperation(
      DynamoDbClient client,
      String tableName,
      TableKeys keys,
      RetryPolicy policy,
      Backoff backoff,
      Sleeper sleeper,
      LongSupplier nanoClock,
      BatchWriteListener listener,
      AbortSignal abort) {
    this.client = client;
    this.tableName = tableName;
    this.keys = keys;
    this.policy = policy;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.nanoClock = nanoClock;
    this.listener = listener;
    this.abort = abort;
  }

  BatchOutcome write(PlannedBatch batch) {
    long start = nanoClock.getAsLong();
    BatchOutcome outcome = new BatchOutcome();
    writeGroup(batch.writes(), start + policy.maxElapsed().toNanos(), outcome);
    listener.batchCompleted(
        batch.writes().size(), outcome.requests, Duration.ofNanos(nanoClock.getAsLong() - start));
    return outcome;
  }

  private void writeGroup(List<PlannedWrite> group, long deadline, BatchOutcome outcome) {
    Map<Map<String, AttributeValue>, PlannedWrite> pending = new LinkedHashMap<>();
    group.forEach(write -> pending.put(write.key(), write));
    int failuresInARow = 0;
    while (true) {
      if (abort.isAborted()) {
        outcome.unfinished.addAll(pending.values());
        return;
      }
      long sent = nanoClock.getAsLong();
      FailureKind failure;
      RuntimeException error = null;
      boolean progress;
      try {
        BatchWriteItemResponse response = client.batchWriteItem(request(pending));
        outcome.requests++;
        List<WriteRequest> unprocessed =
            response.unprocessedItems().getOrDefault(tableName, List.of());
        listener.requestCompleted(pending.size(), unprocessed.size(), since(sent));
        progress = settleWritten(pending, unprocessed, outcome);
        if (pending.isEmpty()) {
          return;
        }
        failure = FailureKind.UNPROCESSED;
      } catch (RuntimeException e) {
        outcome.requests++;
        failure = ErrorClassifier.classify(e);
        listener.requestFailed(pending.size(), failure, since(sent));
        if (failure == FailureKind.VALIDATION) {
          narrowDown(new ArrayList<>(pending.values()), e, deadline, outcome);
          return;
        }
        if (failure == FailureKind.FATAL) {
          stop(pending, "BatchWriteItem failed: " + describe(e), e, outcome);
          return;
        }
        error = e;
        progress = false;
      }
      failuresInARow = progress ? 0 : failuresInARow + 1;
      if (failuresInARow >= policy.maxAttemptsWithoutProgress()) {
        stop(
            pending,
            "gave up after "
                + failuresInARow
                + " attempts in a row without progress ("
                + lastFailure(failure, error)
                + ")",
            error,
            outcome);
        return;
      }
      Duration delay = backoff.delay(failuresInARow);
      if (nanoClock.getAsLong() + delay.toNanos() > deadline) {
        stop(
            pending,
            "gave up: a batch may take at most "
                + policy.maxElapsed()
                + " ("
                + lastFailure(failure, error)
                + ")",
            error,
            outcome);
        return;
      }
      outcome.retries++;
      listener.retryScheduled(pending.size(), failure, failuresInARow, delay);
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop(pending, "interrupted", e, outcome);
        return;
      }
    }
  }

  /** Moves the writes DynamoDB processed to the outcome; true if there were any. */
  private boolean settleWritten(
      Map<Map<String, AttributeValue>, PlannedWrite> pending,
      List<WriteRequest> unprocessed,
      BatchOutcome outcome) {
    Set<Map<String, AttributeValue>> left = new HashSet<>();
    unprocessed.forEach(request -> left.add(keyOf(request)));
    int before = pending.size();
    pending
        .values()
        .removeIf(
            write -> {
              if (left.contains(write.key())) {
                return false;
              }
              outcome.written.add(write);
              return true;
            });
    return pending.size() < before;
  }

  /**
   * DynamoDB refused the request as a whole; the culprit may be one write or several. Halving finds
   * them in about 2·k·log2(n) requests for k bad writes among n, and writes the rest.
   */
  private void narrowDown(
      List<PlannedWrite> group, RuntimeException error, long deadline, BatchOutcome outcome) {
    if (group.size() == 1) {
      RejectedWrite rejected =
          new RejectedWrite(
              group.get(0).index(),
              group.get(0).operation(),
              "DynamoDB refused the write: " + describe(error));
      outcome.rejected.add(rejected);
      listener.writeRejected(rejected);
      return;
    }
    int half = group.size() / 2;
    writeGroup(group.subList(0, half), deadline, outcome);
    writeGroup(group.subList(half, group.size()), deadline, outcome);
  }

  private void stop(
      Map<Map<String, AttributeValue>, PlannedWrite> pending,
      String message,
      Throwable cause,
      BatchOutcome outcome) {
    abort.abort(message, cause);
    outcome.unfinished.addAll(pending.values());
  }

  private BatchWriteItemRequest request(Map<Map<String, AttributeValue>, PlannedWrite> pending) {
    List<WriteRequest> requests = pending.values().stream().map(PlannedWrite::request).toList();
    return BatchWriteItemRequest.builder().requestItems(Map.of(tableName, requests)).build();
  }

  private Map<String, AttributeValue> keyOf(WriteRequest request) {
    return keys.keyOf(
        request.putRequest() != null ? request.putRequest().item() : request.deleteRequest().key());
  }

  private Duration since(long start) {
    return Duration.ofNanos(nanoClock.getAsLong() - start);
  }

  private static String lastFailure(FailureKind failure, RuntimeException error) {
    return error == null ? "last: " + failure : "last: " + failure + ", " + describe(error);
  }

  private static String describe(Throwable error) {
    if (error instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      return service.awsErrorDetails().errorCode()
          + ": "
          + service.awsErrorDetails().errorMessage();
    }
    return error.getClass().getSimpleName() + ": " + error.getMessage();
  }
}
