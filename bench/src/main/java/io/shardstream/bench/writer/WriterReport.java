package io.shardstream.bench.writer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a {@code bench writer} run measured. The report's last line is machine-read:
 *
 * <pre>writer: shardstream N events/s, raw batch ceiling M items/s, ratio R</pre>
 *
 * with N and M whole numbers and R = N / M to two decimals.
 */
record WriterReport(
    WriterBenchmark.Settings settings,
    int users,
    int emails,
    int globalIndexes,
    String dynamoDbLocalVersion,
    Produce produce,
    WriterSide writer,
    RawCeiling.Result raw,
    String machine,
    Duration totalTime) {

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
      Path log) {

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
    return Math.round(writer.eventsPerSecond());
  }

  long rawItemsPerSecond() {
    return Math.round(raw.itemsPerSecond());
  }

  /** N / M of the printed whole numbers, two decimals. */
  String ratio() {
    long raw = rawItemsPerSecond();
    return raw == 0
        ? "0.00"
        : String.format(Locale.ROOT, "%.2f", writerEventsPerSecond() / (double) raw);
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
