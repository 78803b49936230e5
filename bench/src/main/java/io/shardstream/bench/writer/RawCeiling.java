package io.shardstream.bench.writer;

import io.shardstream.bench.report.chart.LineChart.Point;
import io.shardstream.bench.report.chart.RateSampler;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.table.TableCreator;
import io.shardstream.dynamo.table.TableDefinition;
import io.shardstream.dynamo.write.BatchWriteListener;
import io.shardstream.dynamo.write.BatchWriteResult;
import io.shardstream.dynamo.write.BatchWriter;
import io.shardstream.dynamo.write.WriteOperation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The raw BatchWriteItem ceiling: the writer's final items written straight with dynamo's {@link
 * BatchWriter} (25 per request, the writer's retry policy), to a fresh table with the same indexes,
 * at the concurrency that a short calibration on samples finds fastest.
 */
final class RawCeiling {
  /** How often the full write's progress is noted, for the throughput-over-time chart. */
  static final Duration SAMPLE_EVERY = Duration.ofMillis(200);

  /** Concurrency levels the calibration tries. */
  static final List<Integer> LEVELS = List.of(2, 4, 8, 16);

  /** One calibration write: a concurrency and what it reached. */
  record Trial(int concurrentBatches, int items, double itemsPerSecond) {}

  /**
   * The full write.
   *
   * @param trials the calibration (one trial when the concurrency was given)
   * @param written items written by then, every {@link #SAMPLE_EVERY}: seconds since the start
   */
  record Result(
      int items,
      Duration elapsed,
      int requests,
      int retries,
      int concurrentBatches,
      List<Trial> trials,
      List<Point> written) {

    Result {
      trials = List.copyOf(trials);
      written = List.copyOf(written);
    }

    double itemsPerSecond() {
      return items / (elapsed.toNanos() / 1e9);
    }
  }

  private final DynamoDbClient client;
  private final EntityConfig config;
  private final Consumer<String> progress;

  RawCeiling(DynamoDbClient client, EntityConfig config, Consumer<String> progress) {
    this.client = client;
    this.config = config;
    this.progress = progress;
  }

  /** The calibration: the concurrency to use and what each level reached. */
  record Calibration(int concurrentBatches, List<Trial> trials) {
    Calibration {
      trials = List.copyOf(trials);
    }
  }

  /**
   * Writes samples of {@code puts} to scratch tables (deleted again) at each of {@link #LEVELS}, or
   * only at {@code concurrency} when it is given, and picks the fastest, after an untimed round. It
   * also warms DynamoDB Local up (JIT, SQLite) before either side is measured.
   *
   * @param concurrency BatchWriteItem requests in flight; 0 = try every level
   */
  Calibration calibrate(List<WriteOperation> puts, String tableName, int concurrency) {
    List<Integer> levels = concurrency == 0 ? LEVELS : List.of(concurrency);
    int sample = Math.max(200, Math.min(5_000, puts.size() / 10));
    // An untimed round first, so that the first level measured does not pay for a cold JIT.
    String warmUp = tableName + "-warm-up";
    create(warmUp);
    write(warmUp, puts.subList(puts.size() - sample, puts.size()), 8);
    delete(warmUp);
    progress.accept(String.format(Locale.ROOT, "raw: warmed up with %,d items", sample));
    List<Trial> trials = new ArrayList<>();
    for (int level : levels) {
      String scratch = tableName + "-calibrate-" + level;
      // Each level writes its own slice: DynamoDB Local is no faster on items it has seen.
      int from = (trials.size() * sample) % Math.max(1, puts.size() - sample);
      List<WriteOperation> slice = puts.subList(from, Math.min(puts.size(), from + sample));
      create(scratch);
      BatchWriteResult result = write(scratch, slice, level);
      delete(scratch);
      Trial trial =
          new Trial(level, result.written(), result.written() / (result.elapsed().toNanos() / 1e9));
      trials.add(trial);
      progress.accept(
          String.format(
              Locale.ROOT,
              "raw calibration: %d requests in flight -> %,.0f items/s (%,d items)",
              level,
              trial.itemsPerSecond(),
              trial.items()));
    }
    int chosen =
        trials.stream()
            .max((a, b) -> Double.compare(a.itemsPerSecond(), b.itemsPerSecond()))
            .orElseThrow()
            .concurrentBatches();
    return new Calibration(chosen, trials);
  }

  /** Writes every item to a fresh table at the calibrated concurrency. */
  Result measure(List<WriteOperation> puts, String tableName, Calibration calibration) {
    create(tableName);
    progress.accept(
        String.format(
            Locale.ROOT,
            "raw: writing %,d items, %d requests in flight ...",
            puts.size(),
            calibration.concurrentBatches()));
    BatchWriteResult result;
    List<Point> written;
    try (RateSampler sampler = RateSampler.start(SAMPLE_EVERY)) {
      BatchWriteListener counting =
          new BatchWriteListener() {
            @Override
            public void requestCompleted(int items, int unprocessed, Duration latency) {
              sampler.add(items - unprocessed);
            }
          };
      result = write(tableName, puts, calibration.concurrentBatches(), counting);
      sampler.close();
      written = sampler.totals();
    }
    return new Result(
        result.written(),
        result.elapsed(),
        result.requests(),
        result.retries(),
        calibration.concurrentBatches(),
        calibration.trials(),
        written);
  }

  private BatchWriteResult write(String table, List<WriteOperation> puts, int concurrency) {
    return write(table, puts, concurrency, BatchWriteListener.NONE);
  }

  private BatchWriteResult write(
      String table, List<WriteOperation> puts, int concurrency, BatchWriteListener listener) {
    BatchWriteResult result =
        BatchWriter.builder(client, table, TableKeys.of(config))
            .maxConcurrentBatches(concurrency)
            .listener(listener)
            .build()
            .write(puts);
    if (!result.allWritten() || result.written() != puts.size()) {
      throw new IllegalStateException(
          "raw write to "
              + table
              + ": "
              + result.written()
              + " of "
              + puts.size()
              + " written, rejected: "
              + result.rejected());
    }
    return result;
  }

  void create(String table) {
    new TableCreator(client, Duration.ofMinutes(2), Duration.ofMillis(100))
        .ensure(TableDefinition.fromConfig(table, config));
  }

  void delete(String table) {
    client.deleteTable(b -> b.tableName(table));
  }
}
