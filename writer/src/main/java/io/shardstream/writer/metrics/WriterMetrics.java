package io.shardstream.writer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shardstream.dynamo.write.BatchWriteListener;
import java.time.Duration;

/**
 * The writer's meters.
 *
 * <ul>
 *   <li>{@value #EVENTS} {entity, outcome}: every input event once, as applied, stale, duplicate or
 *       dead-lettered; {@value #DEAD_LETTERS} {entity, reason} splits the dead-lettered ones.
 *   <li>{@value #CASCADE_DELETES} {cause}: children deleted because their parent was deleted
 *       ({@code <parent>-deleted}), because the parent was already deleted when the claim arrived
 *       ({@code claim-rejected}), or because they carried another parent timestamp than the live
 *       parent's ({@code parent-mismatch}).
 *   <li>{@value #FLUSH} (timer) and {@value #FLUSH_OPERATIONS} (summary): each sink write of a
 *       task's buffer; {@value #FLUSH_FAILURES}; {@value #WRITES_REJECTED}.
 *   <li>{@code shardstream.writer.dynamodb.*}: BatchWriteItem requests, retries, unprocessed items
 *       and batch sizes (see {@link DynamoWriteMetrics}).
 * </ul>
 */
public final class WriterMetrics {
  public static final String EVENTS = "shardstream.writer.events";
  public static final String DEAD_LETTERS = "shardstream.writer.dead.letters";
  public static final String CASCADE_DELETES = "shardstream.writer.cascade.deletes";
  public static final String FLUSH = "shardstream.writer.table.flush";
  public static final String FLUSH_OPERATIONS = "shardstream.writer.table.flush.operations";
  public static final String FLUSH_FAILURES = "shardstream.writer.table.flush.failures";
  public static final String WRITES_REJECTED = "shardstream.writer.table.writes.rejected";

  private final MeterRegistry registry;
  private final Timer flush;
  private final DistributionSummary flushOperations;
  private final Counter flushFailures;
  private final Counter writesRejected;

  public WriterMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.flush =
        Timer.builder(FLUSH)
            .description("Time to make one task's buffered table writes durable")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    this.flushOperations =
        DistributionSummary.builder(FLUSH_OPERATIONS)
            .description("Table writes per sink flush")
            .register(registry);
    this.flushFailures =
        Counter.builder(FLUSH_FAILURES)
            .description("Sink flushes that failed (the task did not commit)")
            .register(registry);
    this.writesRejected =
        Counter.builder(WRITES_REJECTED)
            .description("Writes DynamoDB refused for good (logged and skipped)")
            .register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void event(String entity, EventOutcome outcome) {
    Counter.builder(EVENTS)
        .tag("entity", entity)
        .tag("outcome", outcome.tag())
        .description("Input events by outcome")
        .register(registry)
        .increment();
  }

  /** A dead-lettered event: counted in {@value #EVENTS} and, by reason, {@value #DEAD_LETTERS}. */
  public void deadLetter(String entity, String reason) {
    event(entity, EventOutcome.DEAD_LETTERED);
    Counter.builder(DEAD_LETTERS)
        .tag("entity", entity)
        .tag("reason", reason)
        .description("Dead-lettered input events by reason")
        .register(registry)
        .increment();
  }

  public void cascadeDelete(String cause) {
    Counter.builder(CASCADE_DELETES)
        .tag("cause", cause)
        .description("Children deleted because of their parent")
        .register(registry)
        .increment();
  }

  public void flushed(int operations, Duration latency) {
    flush.record(latency);
    flushOperations.record(operations);
  }

  public void flushFailed() {
    flushFailures.increment();
  }

  public void writeRejected() {
    writesRejected.increment();
  }

  public BatchWriteListener dynamoListener() {
    return new DynamoWriteMetrics(registry);
  }

  /** The events counted so far with this outcome (all entities). */
  public long events(EventOutcome outcome) {
    return Math.round(
        registry.find(EVENTS).tag("outcome", outcome.tag()).counters().stream()
            .mapToDouble(Counter::count)
            .sum());
  }

  /** Every input event counted so far, whatever its outcome. */
  public long eventsTotal() {
    return Math.round(registry.find(EVENTS).counters().stream().mapToDouble(Counter::count).sum());
  }

  /** Dead-lettered events counted so far with this reason (all entities). */
  public long deadLetters(String reason) {
    return Math.round(
        registry.find(DEAD_LETTERS).tag("reason", reason).counters().stream()
            .mapToDouble(Counter::count)
            .sum());
  }

  public long cascadeDeletes() {
    return Math.round(
        registry.find(CASCADE_DELETES).counters().stream().mapToDouble(Counter::count).sum());
  }
}
