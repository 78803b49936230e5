package io.shardstream.writer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shardstream.dynamo.write.BatchWriteListener;
import io.shardstream.dynamo.write.FailureKind;
import io.shardstream.dynamo.write.RejectedWrite;
import java.time.Duration;
import java.util.Locale;

/** The BatchWriter's hooks as Micrometer meters; thread-safe (it calls from many threads). */
final class DynamoWriteMetrics implements BatchWriteListener {
  private final MeterRegistry registry;
  private final Timer requestsOk;
  private final Counter unprocessed;
  private final DistributionSummary batchSize;
  private final Timer batchLatency;

  DynamoWriteMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.requestsOk = requests("ok");
    this.unprocessed =
        Counter.builder("shardstream.writer.dynamodb.unprocessed")
            .description("Items DynamoDB handed back unprocessed (retried)")
            .register(registry);
    this.batchSize =
        DistributionSummary.builder("shardstream.writer.dynamodb.batch.size")
            .description("Writes per BatchWriteItem batch")
            .register(registry);
    this.batchLatency =
        Timer.builder("shardstream.writer.dynamodb.batch.latency")
            .description("Time to settle one batch, retries included")
            .register(registry);
  }

  @Override
  public void requestCompleted(int items, int unprocessedItems, Duration latency) {
    requestsOk.record(latency);
    unprocessed.increment(unprocessedItems);
  }

  @Override
  public void requestFailed(int items, FailureKind kind, Duration latency) {
    requests(kind.name().toLowerCase(Locale.ROOT)).record(latency);
  }

  @Override
  public void retryScheduled(int items, FailureKind cause, int attempt, Duration delay) {
    Counter.builder("shardstream.writer.dynamodb.retries")
        .tag("cause", cause.name().toLowerCase(Locale.ROOT))
        .description("BatchWriteItem requests scheduled again")
        .register(registry)
        .increment();
  }

  @Override
  public void writeRejected(RejectedWrite rejected) {
    // Counted by the sink, which knows the write's source record.
  }

  @Override
  public void batchCompleted(int writes, int requests, Duration latency) {
    batchSize.record(writes);
    batchLatency.record(latency);
  }

  private Timer requests(String result) {
    return Timer.builder("shardstream.writer.dynamodb.requests")
        .tag("result", result)
        .description("BatchWriteItem requests by result")
        .register(registry);
  }
}
