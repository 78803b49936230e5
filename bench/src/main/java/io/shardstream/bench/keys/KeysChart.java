package io.shardstream.bench.keys;

import io.shardstream.bench.report.chart.BarChart;
import io.shardstream.bench.report.chart.ChartPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench keys --chart}: each side's mean items/s and every measured iteration's, side by
 * side, so the ratio and the spread behind it show at once.
 */
final class KeysChart {
  static final String MEAN = "mean";

  private KeysChart() {}

  /**
   * @param machine the machine line ({@link io.shardstream.bench.report.Machine#describe})
   */
  static ChartPage page(KeysReport report, String machine) {
    int iterations =
        report.sides().stream().mapToInt(s -> s.rates().rates().size()).max().orElse(0);
    List<String> categories = new ArrayList<>();
    categories.add(MEAN);
    for (int i = 1; i <= iterations; i++) {
      categories.add("iteration " + i);
    }
    List<BarChart.Series> series = new ArrayList<>();
    for (SideResult side : report.sides()) {
      List<Double> values = new ArrayList<>();
      values.add(side.rates().mean());
      for (int i = 0; i < iterations; i++) {
        values.add(i < side.rates().rates().size() ? side.rates().rates().get(i) : Double.NaN);
      }
      series.add(new BarChart.Series(side.name(), values));
    }
    BarChart rates =
        new BarChart(
            "Key generation, items/s: ratio " + report.ratio(),
            "mean of the measured iterations, then each iteration",
            "items/s (higher is better)",
            categories,
            series);
    return new ChartPage(
        "shardstream bench keys",
        String.format(
            Locale.ROOT,
            "%s. %s. Machine: %s. %s",
            report.workload().describe(),
            report.sides().stream()
                .map(s -> s.name() + ": " + s.method())
                .reduce((a, b) -> a + "; " + b)
                .orElse(""),
            machine,
            report.resultLine()),
        List.of(rates));
  }
}
