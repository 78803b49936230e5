package io.shardstream.dynamo.write;

import io.shardstream.dynamo.TableKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One {@code BatchWriter.write} call: plan, run the batches, add up what became of each write. */
final class BatchWriteRun {
  /** Everything a run needs, fixed when the writer is built. */
  public record Settings(
      DynamoDbClient client,
      String tableName,
      TableKeys keys,
      int batchSize,
      int maxConcurrentBatches,
      RetryPolicy retryPolicy,
      BatchWriteListener listener,
      Sleeper sleeper,
      LongSupplier nanoClock,
      Random random) {}

  private final Settings settings;

  public BatchWriteRun(Settings settings) {
    this.settings = settings;
  }

  public BatchWriteResult write(List<? extends WriteOperation> operations) {
    long start = settings.nanoClock().getAsLong();
    WritePlan plan = new BatchPlanner(settings.keys(), settings.batchSize()).plan(operations);
    plan.rejected().forEach(settings.listener()::writeRejected);
    AbortSignal abort = new AbortSignal();
    BatchWriteItemOperation operation =
        new BatchWriteItemOperation(
            settings.client(),
            settings.tableName(),
            settings.keys(),
            settings.retryPolicy(),
            new Backoff(settings.retryPolicy(), settings.random()),
            settings.sleeper(),
            settings.nanoClock(),
            settings.listener(),
            abort);
    BatchOutcome[] outcomes =
        new BatchScheduler(settings.maxConcurrentBatches())
            .run(plan.batches(), operation::write, abort);

    int written = 0;
    int requests = 0;
    int retries = 0;
    List<RejectedWrite> rejected = new ArrayList<>(plan.rejected());
    List<Integer> notWritten = new ArrayList<>();
    for (BatchOutcome outcome : outcomes) {
      written += outcome.written.size();
      requests += outcome.requests;
      retries += outcome.retries;
      rejected.addAll(outcome.rejected);
      for (PlannedWrite write : outcome.unfinished) {
        notWritten.add(write.index());
        notWritten.addAll(write.supersededIndexes());
      }
    }
    rejected.sort(Comparator.comparingInt(RejectedWrite::index));
    notWritten.sort(Comparator.naturalOrder());
    BatchWriteResult result =
        new BatchWriteResult(
            operations.size(),
            written,
            plan.superseded(),
            rejected,
            plan.batches().size(),
            requests,
            retries,
            Duration.ofNanos(settings.nanoClock().getAsLong() - start));
    if (abort.isAborted()) {
      throw new BatchWriteAbortedException(
          abort.reason().message(), abort.reason().cause(), result, notWritten);
    }
    return result;
  }
}
