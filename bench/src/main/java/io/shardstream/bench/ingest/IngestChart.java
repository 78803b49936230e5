package io.shardstream.bench.ingest;

import io.shardstream.bench.report.chart.ChartPage;
import io.shardstream.bench.report.chart.LineChart;
import io.shardstream.bench.report.chart.RateSampler;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench ingest --chart}: events/s Kafka acknowledged over the file import, and the
 * distribution of the stream source's latency (the share of items that arrived within x ms).
 */
final class IngestChart {
  static final String FILE = "file -> Kafka (events acknowledged/s)";
  static final String STREAM = "DynamoDB stream -> Kafka (PutItem to consumer)";

  private IngestChart() {}

  static ChartPage page(IngestReport report) {
    LineChart throughput =
        new LineChart(
            String.format(
                Locale.ROOT,
                "File import throughput over time: %,d events/s overall",
                report.fileEventsPerSecond()),
            "seconds since the import started",
            "events/s",
            List.of(new LineChart.Series(FILE, RateSampler.rates(report.fileAcknowledged()))));
    LineChart latency =
        new LineChart(
            String.format(
                Locale.ROOT,
                "Stream latency distribution: p50 %d ms, p90 %d ms, p99 %d ms",
                report.streamPercentile(50),
                report.streamPercentile(90),
                report.streamPercentile(99)),
            "latency, ms",
            "% of items arrived within it",
            List.of(
                new LineChart.Series(
                    STREAM, LineChart.cumulativeShare(report.sortedStreamLatenciesMillis(), 1))));
    return new ChartPage(
        "shardstream bench ingest",
        String.format(
            Locale.ROOT,
            "%,d events from a JSON lines file (FileImporter, idempotent producer); %d items put"
                + " at %.0f/s on a DynamoDB Local source table, read by KCL (start-up %.1f s, not"
                + " measured). Machine: %s. %s",
            report.fileEvents(),
            report.sortedStreamLatenciesMillis().length,
            report.streamRate(),
            report.kclStartup().toMillis() / 1000.0,
            report.machine(),
            report.resultLine()),
        List.of(throughput, latency));
  }
}
