package io.shardstream.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.bench.report.chart.BarChart;
import io.shardstream.bench.report.chart.ChartPage;
import io.shardstream.bench.report.chart.ChartSvg;
import io.shardstream.bench.report.chart.SvgDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsChartTest {
  static final List<FaultResult> RESULTS =
      List.of(
          FaultResultTest.result("dynamodb-outage", 0, 0, 0),
          FaultResultTest.result("broker-restart", 2, 1, 3));

  @Test
  void recoveryBarsPerScenarioWithWhatWentWrong() {
    ChartPage page = FaultsChart.page(RESULTS, "720 users");

    BarChart recovery = (BarChart) page.charts().get(0);
    assertThat(recovery.categories())
        .containsExactly(
            "dynamodb-outage: 5000 events, lost 0, dup 0, stale 0",
            "broker-restart: 5000 events, lost 2, dup 1, stale 3");
    assertThat(recovery.series())
        .containsExactly(new BarChart.Series(FaultsChart.RECOVERED, List.of(12.34, 12.34)));
    BarChart defects = (BarChart) page.charts().get(1);
    assertThat(defects.series())
        .containsExactly(
            new BarChart.Series("lost", List.of(0.0, 2.0)),
            new BarChart.Series("duplicated", List.of(0.0, 1.0)),
            new BarChart.Series("stale", List.of(0.0, 3.0)));
    assertThat(page.subtitle()).contains("720 users", FaultResult.summary(RESULTS));
  }

  @Test
  void theSvgShowsTheRecoveryTimes() throws Exception {
    SvgDocument svg = SvgDocument.parse(ChartSvg.render(FaultsChart.page(RESULTS, "720 users")));

    assertThat(svg.texts()).contains("12.3", FaultsChart.RECOVERED, "lost", "duplicated", "stale");
  }
}
