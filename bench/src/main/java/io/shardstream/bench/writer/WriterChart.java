package io.shardstream.bench.writer;

import io.shardstream.bench.report.chart.BarChart;
import io.shardstream.bench.report.chart.ChartPage;
import io.shardstream.bench.report.chart.LineChart;
import io.shardstream.bench.report.chart.RateSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench writer --chart}: items/s reaching the table over the reported run, writer next to
 * the raw ceiling; every run's ratio; where the writer's stream thread spent its time.
 */
final class WriterChart {
  static final String WRITER = "writer (events/s, from its JVM launch)";
  static final String RAW = "raw BatchWriteItem (items/s, from its first request)";
  static final String WRITER_RATE = "writer events/s";
  static final String RAW_RATE = "raw ceiling items/s";
  static final List<String> WALL_PARTS =
      List.of("table writes (sink)", "EOS transaction calls", "the rest (poll, process)");

  private WriterChart() {}

  static ChartPage page(WriterReport report) {
    WriterReport.Run median = report.median();
    LineChart overTime =
        new LineChart(
            "Items reaching the table over time (the reported run)",
            "seconds since the start",
            "items/s written to the table",
            List.of(
                new LineChart.Series(WRITER, RateSampler.rates(median.writer().accounted())),
                new LineChart.Series(RAW, RateSampler.rates(median.raw().written()))));
    List<String> runs = new ArrayList<>();
    List<Double> writer = new ArrayList<>();
    List<Double> raw = new ArrayList<>();
    for (int i = 0; i < report.runs().size(); i++) {
      WriterReport.Run run = report.runs().get(i);
      runs.add(
          String.format(
              Locale.ROOT,
              "run %d: ratio %.2f%s",
              i + 1,
              run.ratio(),
              run == median ? " (median, reported)" : ""));
      writer.add((double) run.writerEventsPerSecond());
      raw.add((double) run.rawItemsPerSecond());
    }
    BarChart ratios =
        new BarChart(
            "Writer vs raw BatchWriteItem ceiling: ratio " + report.ratio(),
            "run",
            "items/s (higher is better)",
            runs,
            List.of(new BarChart.Series(WRITER_RATE, writer), new BarChart.Series(RAW_RATE, raw)));
    return new ChartPage(
        "shardstream bench writer",
        String.format(
            Locale.ROOT,
            "%,d events (%,d users, %,d emails), %d partitions per topic, seed configuration with %d"
                + " global indexes on DynamoDB Local %s in memory; writer -Xmx%s. Machine: %s. %s",
            median.writer().events(),
            report.users(),
            report.emails(),
            report.settings().partitions(),
            report.globalIndexes(),
            report.dynamoDbLocalVersion(),
            median.writer().xmx(),
            report.machine(),
            report.resultLine()),
        List.of(overTime, ratios, wallTime(median.split()), cpu(median.split())));
  }

  private static BarChart wallTime(TimeSplit split) {
    double wall = split.steady().toNanos() / 1e9;
    double rest = Math.max(0, wall - split.sinkSeconds() - split.transactionSeconds());
    return new BarChart(
        String.format(
            Locale.ROOT, "Where the stream thread's %.1f s went (the reported run)", wall),
        "part of the steady phase, first table write to the last event",
        "seconds",
        WALL_PARTS,
        List.of(
            new BarChart.Series(
                "wall time", List.of(split.sinkSeconds(), split.transactionSeconds(), rest))));
  }

  private static BarChart cpu(TimeSplit split) {
    long samples = split.streamThreadSamples();
    List<String> parts = new ArrayList<>();
    List<Double> shares = new ArrayList<>();
    for (Map.Entry<String, Long> part : split.streamThreadCpu().entrySet()) {
      parts.add(part.getKey());
      shares.add(samples == 0 ? Double.NaN : 100.0 * part.getValue() / samples);
    }
    return new BarChart(
        String.format(
            Locale.ROOT,
            "The stream thread's CPU by part (%,d Flight Recorder samples; other threads %,d)",
            samples,
            split.otherThreadSamples()),
        "part (by the sampled stacks' innermost frame that belongs to one)",
        "% of the stream thread's CPU samples",
        parts,
        List.of(new BarChart.Series("stream thread CPU", shares)));
  }
}
