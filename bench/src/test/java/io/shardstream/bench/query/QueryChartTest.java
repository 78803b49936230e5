package io.shardstream.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.bench.report.chart.BarChart;
import io.shardstream.bench.report.chart.ChartPage;
import io.shardstream.bench.report.chart.ChartSvg;
import io.shardstream.bench.report.chart.SvgDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryChartTest {

  @Test
  void latencyBarsShowThePercentilesOfBothSides() {
    QueryReport report = QueryReportTest.report();

    ChartPage page = QueryChart.page(report);

    BarChart latency = (BarChart) page.charts().get(0);
    assertThat(latency.title()).endsWith("p50 ratio 3.00");
    assertThat(latency.categories()).containsExactly("p50", "p90", "p99", "max", "mean");
    // QueryReportTest's sides: 50 pages at p50, 49 at twice, one at three times.
    assertThat(latency.series())
        .containsExactly(
            new BarChart.Series("fan-out", List.of(30.0, 60.0, 60.0, 90.0, 45.3)),
            new BarChart.Series("single", List.of(10.0, 20.0, 20.0, 30.0, 15.1)));
    BarChart cost = (BarChart) page.charts().get(1);
    assertThat(cost.series().get(0).values()).containsExactly(20.0, 2.0, 2.0);
    assertThat(page.subtitle()).contains("2 cores, Linux", report.resultLine());
  }

  @Test
  void versusEntityManagerShowsBothSidesPerSearch() throws Exception {
    VsEntityManager.Result result =
        new VsEntityManager.Result(
            List.of(),
            new VsEntityManager.Side("entity-manager", 93, 150, 10, 3.1, 42),
            new VsEntityManager.Side("shardstream", 20.4, 40, 45, 1.1, 44),
            new VsEntityManager.Side("entity-manager", 41, 90, 20, 2.0, 21),
            new VsEntityManager.Side("shardstream", 15.4, 30, 60, 1.0, 25),
            true,
            false);

    ChartPage page = QueryChart.page(result, "3,000 users");

    BarChart latency = (BarChart) page.charts().get(0);
    assertThat(latency.series())
        .containsExactly(
            new BarChart.Series("shardstream", List.of(20.4, 40.0, 15.4, 30.0)),
            new BarChart.Series("entity-manager", List.of(93.0, 150.0, 41.0, 90.0)));
    assertThat(page.subtitle()).contains(result.resultLine());
    SvgDocument svg = SvgDocument.parse(ChartSvg.render(page));
    assertThat(svg.texts()).contains("name p50", "created p99", "shardstream", "entity-manager");
  }

  @Test
  void theSvgNamesBothSidesAndTheirLatencies() throws Exception {
    SvgDocument svg = SvgDocument.parse(ChartSvg.render(QueryChart.page(QueryReportTest.report())));

    assertThat(svg.texts())
        .contains("fan-out", "single", "p99", "ms per page (lower is better)", "30", "90");
  }
}
