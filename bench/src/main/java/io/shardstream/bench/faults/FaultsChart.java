package io.shardstream.bench.faults;

import io.shardstream.bench.report.chart.BarChart;
import io.shardstream.bench.report.chart.ChartPage;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench faults --chart}: each scenario's recovery time, its name labelled with what it lost,
 * duplicated or left stale; and those counts as bars (none to see when nothing went wrong).
 */
final class FaultsChart {
  static final String RECOVERED = "recovered in (s)";
  static final List<String> DEFECTS = List.of("lost", "duplicated", "stale");

  private FaultsChart() {}

  /**
   * @param conditions the workload and machine, in words
   */
  static ChartPage page(List<FaultResult> results, String conditions) {
    List<String> scenarios =
        results.stream()
            .map(
                r ->
                    String.format(
                        Locale.ROOT,
                        "%s: %d events, lost %d, dup %d, stale %d",
                        r.name(),
                        r.events(),
                        r.lost(),
                        r.duplicated(),
                        r.stale()))
            .toList();
    BarChart recovery =
        new BarChart(
            "Recovery time per fault scenario: from the fault's end until every record"
                + " produced by then was committed",
            "scenario (what the table and dead letters ended with, against the reference model)",
            "seconds (lower is better)",
            scenarios,
            List.of(
                new BarChart.Series(
                    RECOVERED, results.stream().map(r -> r.recoveredSeconds()).toList())));
    BarChart defects =
        new BarChart(
            "Lost, duplicated and stale items per scenario",
            "scenario",
            "items (0 is the goal)",
            results.stream().map(FaultResult::name).toList(),
            List.of(
                new BarChart.Series(
                    DEFECTS.get(0), results.stream().map(r -> (double) r.lost()).toList()),
                new BarChart.Series(
                    DEFECTS.get(1), results.stream().map(r -> (double) r.duplicated()).toList()),
                new BarChart.Series(
                    DEFECTS.get(2), results.stream().map(r -> (double) r.stale()).toList())));
    return new ChartPage(
        "shardstream bench faults",
        conditions + ". " + FaultResult.summary(results),
        List.of(recovery, defects));
  }
}
