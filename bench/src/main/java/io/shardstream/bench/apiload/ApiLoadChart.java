package io.shardstream.bench.apiload;

import io.shardstream.bench.report.chart.ChartPage;
import io.shardstream.bench.report.chart.LineChart;
import io.shardstream.bench.report.chart.LineChart.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench api-load --chart}: the distribution of request latencies (the share of requests
 * answered within x ms) and the requests served in each second of the run.
 */
final class ApiLoadChart {
  static final String LATENCY = "served requests (2xx)";
  static final String SERVED = "requests served per second";

  private ApiLoadChart() {}

  static ChartPage page(ApiLoadReport report) {
    LineChart latency =
        new LineChart(
            String.format(
                Locale.ROOT,
                "Latency distribution: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms",
                report.percentileMillis(50),
                report.percentileMillis(90),
                report.percentileMillis(99)),
            "latency, ms",
            "% of requests answered within it",
            List.of(
                new LineChart.Series(
                    LATENCY, LineChart.cumulativeShare(report.latencyNanos(), 1e6))));
    List<Point> perSecond = new ArrayList<>();
    long[] served = report.servedPerSecond();
    for (int second = 0; second < served.length; second++) {
      perSecond.add(new Point(second + 1, served[second]));
    }
    LineChart throughput =
        new LineChart(
            String.format(
                Locale.ROOT,
                "Throughput over time: %.0f requests/s overall, 429 %d",
                report.requestsPerSecond(),
                report.rejected()),
            "seconds since the clients started",
            "requests/s",
            List.of(new LineChart.Series(SERVED, perSecond)));
    return new ChartPage(
        "shardstream bench api-load",
        String.format(
            Locale.ROOT,
            "%d clients (searches, cursor pages, lookups) against the query API while the writer"
                + " writes; query.requests.max %d; load average %.1f at the start, %.1f at the"
                + " end. %s",
            report.clients(),
            report.maxRequests(),
            report.loadAverage()[0],
            report.loadAverage()[report.loadAverage().length - 1],
            report.line()),
        List.of(latency, throughput));
  }
}
