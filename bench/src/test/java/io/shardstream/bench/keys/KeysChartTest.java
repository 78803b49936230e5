package io.shardstream.bench.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.bench.report.chart.BarChart;
import io.shardstream.bench.report.chart.ChartPage;
import io.shardstream.bench.report.chart.ChartSvg;
import io.shardstream.bench.report.chart.SvgDocument;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysChartTest {
  static final KeysReport REPORT =
      new KeysReport(
          new KeysWorkloadSummary(100, 42, "user-email: ..."),
          KeysReportTest.side("shardstream", 300_000, 310_000, 320_000),
          KeysReportTest.side("entity-manager", 60_000, 62_000),
          Duration.ofSeconds(30));

  @Test
  void barsShowEachSidesMeanAndEveryIteration() {
    ChartPage page = KeysChart.page(REPORT, "2 cores; load average 3.0 at start, 3.2 at end");

    BarChart bars = (BarChart) page.charts().get(0);
    assertThat(bars.title()).isEqualTo("Key generation, items/s: ratio 5.08");
    assertThat(bars.categories())
        .containsExactly(KeysChart.MEAN, "iteration 1", "iteration 2", "iteration 3");
    assertThat(bars.series())
        .containsExactly(
            new BarChart.Series("shardstream", List.of(310_000.0, 300_000.0, 310_000.0, 320_000.0)),
            new BarChart.Series(
                "entity-manager", List.of(61_000.0, 60_000.0, 62_000.0, Double.NaN)));
    assertThat(page.subtitle()).contains("load average 3.0 at start", REPORT.resultLine());
  }

  @Test
  void theSvgNamesBothSidesAndShowsTheRates() throws Exception {
    SvgDocument svg = SvgDocument.parse(ChartSvg.render(KeysChart.page(REPORT, "2 cores")));

    assertThat(svg.texts())
        .contains(
            "shardstream bench keys",
            "shardstream",
            "entity-manager",
            "items/s (higher is better)",
            "310,000",
            "61,000");
  }
}
