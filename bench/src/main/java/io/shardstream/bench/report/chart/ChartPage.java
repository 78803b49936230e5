package io.shardstream.bench.report.chart;

import java.util.List;

/**
 * What one {@code --chart} file shows: a heading, the run's conditions under it (workload, machine,
 * load average: figures from a busy 2-core machine mean little without them), and the charts one
 * under the other.
 */
public record ChartPage(String title, String subtitle, List<Chart> charts) {
  public ChartPage {
    charts = List.copyOf(charts);
    if (charts.isEmpty()) {
      throw new IllegalArgumentException(title + ": a chart page needs at least one chart");
    }
  }
}
