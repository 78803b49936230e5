package io.shardstream.bench.writer;

import io.shardstream.bench.report.chart.LineChart.Point;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a {@code bench writer} invocation measured, in one or more runs. The report's last line is
 * machine-read:
 *
 * <pre>writer: shardstream N events/s, raw batch ceiling M items/s, ratio R</pre>
 *
 * with N and M whole numbers of the run with the median ratio and R = N / M to two decimals.
 */
record WriterReport(
    WriterBenchmark.Settings settings,
    int users,
    int emails,
    int globalIndexes,
    String dynamoDbLocalVersion,
    Produce produce,
    List<Run> runs,
    String machine,
    Duration totalTime) {

  WriterReport {
    runs = List.copyOf(runs);
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one run");
    }
  }

  /**
   * One run: the writer on its own table, then the raw ceiling on another, back to back.
   *
   * @param split where the writer's time went
   */
  record Run(WriterSide writer, RawCeiling.Result raw, TimeSplit split) {
    long writerEventsPerSecond() {
      return Math.round(writer.eventsPerSecond());
    }

    long rawItemsPerSecond() {
      return Math.round(raw.itemsPerSecond());
    }

    /** N / M of the printed whole numbers. */
    double ratio() {
      long raw = rawItemsPerSecond();
      return raw == 0 ? 0 : writerEventsPerSecond() / (double) raw;
    }
  }

  /** The run with the median ratio (of an even number, the lower middle one): it is reported. */
  Run median() {
    List<Run> byRatio = runs.stream().sorted(Comparator.comparingDouble(Run::ratio)).toList();
    return byRatio.get((byRatio.size() - 1) / 2);
  }

  WriterSide writer() {
    return median().writer();
  }

  RawCeiling.Result raw() {
    return median().raw();
  }

  /** Pre-producing the events (before the writer starts; not measured against it). */
  record Produce(Duration elapsed) {}

  /**
   * The writer's side.
   *
   * @param elapsed from the child's launch until every event was counted (counters move only once a
   *     flush is durable in the table)
   * @param startup from launch to the first BatchWriteItem request done (JVM start, table check,
   *     topics, Kafka Streams start and rebalance, the first records processed)
   * @param steady from the first table write until every event was counted
   * @param heapAfterGc heap used after a full GC at the end
   * @param heapPeak the largest heap use sampled during the run
   * @param heapMax the heap's maximum (its {@code -Xmx})
   * @param rssAtEnd resident set size at the end ({@code VmRSS})
   * @param rssPeak the resident set's high-water mark ({@code VmHWM})
   * @param accounted events counted by then (durable in the table), sampled while waiting: seconds
   *     since the launch
   */
  record WriterSide(
      int events,
      Map<String, Double> outcomes,
      Duration elapsed,
      Duration startup,
      Duration steady,
      long flushes,
      long flushedOperations,
      long requests,
      long retries,
      long unprocessed,
      long heapAfterGc,
      String heapAfterGcHow,
      long heapPeak,
      long heapMax,
      long rssAtEnd,
      long rssPeak,
      String xmx,
      Path log,
      List<Point> accounted) {

    WriterSide {
      accounted = List.copyOf(accounted);
    }

    double eventsPerSecond() {
      return events / (elapsed.toNanos() / 1e9);
    }

    double steadyEventsPerSecond() {
      double seconds = steady.toNanos() / 1e9;
      return seconds <= 0 ? 0 : events / seconds;
    }
  }

  /** The writer settings the report names. */
  static final java.util.List<String> KEY_SETTINGS =
      java.util.List.of(
          "kafka.processing.guarantee",
          "kafka.commit.interval.ms",
          "writer.state.store",
          "writer.flush.max-ops",
          "writer.dynamodb.max-concurrent-batches");

  /** A writer setting as the run had it: given, or the writer's default. */
  String setting(String key) {
    return settings
        .writerSettings()
        .getOrDefault(key, io.shardstream.writer.WriterSettings.defaults().getOrDefault(key, ""));
  }

  long writerEventsPerSecond() {
    return median().writerEventsPerSecond();
  }

  long rawItemsPerSecond() {
    return median().rawItemsPerSecond();
  }

  /** N / M of the printed whole numbers of the median run, two decimals. */
  String ratio() {
    return String.format(Locale.ROOT, "%.2f", median().ratio());
  }

  String resultLine() {
    return String.format(
        Locale.ROOT,
        "writer: shardstream %d events/s, raw batch ceiling %d items/s, ratio %s",
        writerEventsPerSecond(),
        rawItemsPerSecond(),
        ratio());
  }

  String text() {
    WriterSide writer = writer();
    RawCeiling.Result raw = raw();
    StringBuilder out = new StringBuilder();
    out.append("shardstream bench writer\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "workload: %,d events (seed %d): %,d user and %,d email creations, all valid UPSERTs"
                + " (one table write each), registry-framed Avro, %d partitions per topic,"
                + " produced in %s before the writer starts%n",
            writer.events(),
            settings.seed(),
            users,
            emails,
            settings.partitions(),
            seconds(produce.elapsed())));
    out.append(
        String.format(
            Locale.ROOT,
            "table: seed configuration, %d global indexes, DynamoDB Local %s in memory (in the"
                + " bench JVM with the Kafka broker)%n",
            globalIndexes,
            dynamoDbLocalVersion));
    out.append(
        String.format(
            Locale.ROOT,
            "writer: child JVM -Xmx%s%s; %s%s%n",
            writer.xmx(),
            settings.writerJvmOptions().isEmpty()
                ? ""
                : " " + String.join(" ", settings.writerJvmOptions()),
            KEY_SETTINGS.stream()
                .map(key -> key + "=" + setting(key))
                .collect(Collectors.joining(", ")),
            settings.writerSettings().isEmpty()
                ? " (defaults)"
                : "; set for this run: "
                    + settings.writerSettings().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", "))));
    out.append(
        String.format(
            Locale.ROOT,
            "writer: %,d events accounted (%s) in %s from launch = %,.0f events/s; launch to the"
                + " first table write %s, then %,.0f events/s%n",
            writer.events(),
            writer.outcomes().entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,.0f", e.getValue()))
                .collect(Collectors.joining(", ")),
            seconds(writer.elapsed()),
            writer.eventsPerSecond(),
            seconds(writer.startup()),
            writer.steadyEventsPerSecond()));
    out.append(
        String.format(
            Locale.ROOT,
            "writer sink: %,d flushes (%.0f operations each on average), %,d BatchWriteItem"
                + " requests (%.1f items each), %,d retries, %,d unprocessed items%n",
            writer.flushes(),
            writer.flushes() == 0 ? 0.0 : writer.flushedOperations() / (double) writer.flushes(),
            writer.requests(),
            writer.requests() == 0 ? 0.0 : writer.events() / (double) writer.requests(),
            writer.retries(),
            writer.unprocessed()));
    out.append(
        String.format(
            Locale.ROOT,
            "writer memory: heap %s MiB used %s, %s MiB at most during the run, %s MiB max;"
                + " RSS %s MiB at the end, %s MiB at its peak%n",
            mib(writer.heapAfterGc()),
            writer.heapAfterGcHow(),
            mib(writer.heapPeak()),
            mib(writer.heapMax()),
            mib(writer.rssAtEnd()),
            mib(writer.rssPeak())));
    if (!raw.trials().isEmpty()) {
      out.append("raw calibration (before the writer, warming DynamoDB Local up): ")
          .append(
              raw.trials().stream()
                  .map(
                      t ->
                          String.format(
                              Locale.ROOT,
                              "%d in flight %,.0f items/s",
                              t.concurrentBatches(),
                              t.itemsPerSecond()))
                  .collect(Collectors.joining(", ")))
          .append(
              String.format(
                  Locale.ROOT,
                  " (%,d items each, own tables); best: %d%n",
                  raw.trials().get(0).items(),
                  raw.concurrentBatches()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "raw: the same %,d items (keyed with addKeys) with the BatchWriter, %d requests in"
                + " flight, to a fresh table with the same indexes: %s = %,.0f items/s (%,d"
                + " requests, %,d retries)%n",
            raw.items(),
            raw.concurrentBatches(),
            seconds(raw.elapsed()),
            raw.itemsPerSecond(),
            raw.requests(),
            raw.retries()));
    for (int i = 0; i < runs.size(); i++) {
      Run run = runs.get(i);
      out.append(
          String.format(
              Locale.ROOT,
              "run %d of %d%s: writer %,d events/s, raw %,d items/s, ratio %.2f; %s%n",
              i + 1,
              runs.size(),
              run == median() ? " (median, reported)" : "",
              run.writerEventsPerSecond(),
              run.rawItemsPerSecond(),
              run.ratio(),
              run.split().describe()));
    }
    out.append("machine: ").append(machine).append('\n');
    out.append("total run time ").append(seconds(totalTime)).append("\n\n");
    out.append(resultLine()).append('\n');
    return out.toString();
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,.0f", bytes / (1024.0 * 1024.0));
  }
}
