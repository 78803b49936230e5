package io.shardstream.bench.ingest;

import io.shardstream.bench.report.Percentiles;
import io.shardstream.bench.report.chart.LineChart.Point;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a {@code bench ingest} run measured. The last line is machine-read:
 *
 * <pre>ingest: file N events/s, stream p50 A ms p99 B ms</pre>
 *
 * @param fileEvents events imported from the JSON lines file
 * @param fileElapsed the import's time, from opening the file to the last acknowledgement
 * @param streamLatenciesMillis per item, from just before its PutItem to its event's arrival at a
 *     Kafka consumer
 * @param kclStartup from starting the stream source until KCL had initialized
 * @param machine the machine line ({@link io.shardstream.bench.report.Machine})
 * @param fileAcknowledged events acknowledged by Kafka during the import, sampled: seconds since
 *     its start, events by then
 */
record IngestReport(
    long fileEvents,
    Duration fileElapsed,
    long[] streamLatenciesMillis,
    double streamRate,
    Duration kclStartup,
    String machine,
    List<Point> fileAcknowledged) {

  IngestReport {
    streamLatenciesMillis = streamLatenciesMillis.clone();
    Arrays.sort(streamLatenciesMillis);
    fileAcknowledged = List.copyOf(fileAcknowledged);
  }

  long fileEventsPerSecond() {
    double seconds = fileElapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : Math.round(fileEvents / seconds);
  }

  /** The stream latencies, ascending. */
  long[] sortedStreamLatenciesMillis() {
    return streamLatenciesMillis.clone();
  }

  long streamPercentile(double percent) {
    return Percentiles.nearestRank(streamLatenciesMillis, percent);
  }

  String text() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "file -> Kafka: %,d events in %.2f s (JSON lines, FileImporter, idempotent producer)%n",
            fileEvents,
            fileElapsed.toNanos() / 1e9));
    text.append(
        String.format(
            Locale.ROOT,
            "stream -> Kafka: %d items at %.0f/s, latency from PutItem to a consumer: p50 %d ms,"
                + " p90 %d ms, p99 %d ms, max %d ms%n",
            streamLatenciesMillis.length,
            streamRate,
            streamPercentile(50),
            streamPercentile(90),
            streamPercentile(99),
            streamLatenciesMillis[streamLatenciesMillis.length - 1]));
    text.append(
        String.format(
            Locale.ROOT,
            "KCL start-up (new application, empty lease table): %.1f s%n",
            kclStartup.toMillis() / 1000.0));
    text.append("machine: ").append(machine).append('\n');
    text.append(resultLine()).append('\n');
    return text.toString();
  }

  /** {@code ingest: file N events/s, stream p50 A ms p99 B ms}. */
  String resultLine() {
    return String.format(
        Locale.ROOT,
        "ingest: file %d events/s, stream p50 %d ms p99 %d ms",
        fileEventsPerSecond(),
        streamPercentile(50),
        streamPercentile(99));
  }
}
