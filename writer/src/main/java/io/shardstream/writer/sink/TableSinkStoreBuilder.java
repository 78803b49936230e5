package io.shardstream.writer.sink;

import io.shardstream.writer.metrics.WriterMetrics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds one {@link TableSinkStore} per task. Never logged (the table is the durable copy) and
 * never cached by Kafka Streams (the store is its own buffer); the toggles are therefore ignored.
 */
public final class TableSinkStoreBuilder implements StoreBuilder<TableSinkStore> {
  private final String name;
  private final TableWriter table;
  private final int maxBufferedOps;
  private final WriterMetrics metrics;
  private final Duration failureBackoff;
  private final ThreadSinks threadSinks;

  /**
   * @param failureBackoff the pause after a failed write before the task's records are processed
   *     again
   * @param threadSinks where the sinks enlist so that their thread's commit writes them first
   */
  public TableSinkStoreBuilder(
      String name,
      TableWriter table,
      int maxBufferedOps,
      WriterMetrics metrics,
      Duration failureBackoff,
      ThreadSinks threadSinks) {
    if (maxBufferedOps < 1) {
      throw new IllegalArgumentException(
          "maxBufferedOps must be at least 1, got " + maxBufferedOps);
    }
    this.name = name;
    this.table = table;
    this.maxBufferedOps = maxBufferedOps;
    this.metrics = metrics;
    this.failureBackoff = failureBackoff;
    this.threadSinks = threadSinks;
  }

  @Override
  public StoreBuilder<TableSinkStore> withCachingEnabled() {
    return this;
  }

  @Override
  public StoreBuilder<TableSinkStore> withCachingDisabled() {
    return this;
  }

  @Override
  public StoreBuilder<TableSinkStore> withLoggingEnabled(Map<String, String> config) {
    return this;
  }

  @Override
  public StoreBuilder<TableSinkStore> withLoggingDisabled() {
    return this;
  }

  @Override
  public TableSinkStore build() {
    return new TableSinkStore(name, table, maxBufferedOps, metrics, failureBackoff, threadSinks);
  }

  @Override
  public Map<String, String> logConfig() {
    return Map.of();
  }

  @Override
  public boolean loggingEnabled() {
    return false;
  }

  @Override
  public String name() {
    return name;
  }
}
