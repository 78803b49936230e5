package io.shardstream.bench.apiload;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.bench.report.chart.ChartPage;
import io.shardstream.bench.report.chart.ChartSvg;
import io.shardstream.bench.report.chart.LineChart;
import io.shardstream.bench.report.chart.LineChart.Point;
import io.shardstream.bench.report.chart.SvgDocument;
import org.junit.jupiter.api.Test;

class ApiLoadChartTest {

  @Test
  void theLatencyDistributionAndTheRequestsServedEachSecond() {
    ApiLoadReport report = ApiLoadReportTest.report(0, 0);

    ChartPage page = ApiLoadChart.page(report);

    LineChart latency = (LineChart) page.charts().get(0);
    assertThat(latency.title())
        .isEqualTo("Latency distribution: p50 50.0 ms, p90 90.0 ms, p99 99.0 ms");
    // 100 samples of 1..100 ms: each is 1 % more.
    assertThat(latency.series().get(0).points())
        .hasSize(100)
        .startsWith(new Point(1, 1))
        .endsWith(new Point(100, 100));
    LineChart throughput = (LineChart) page.charts().get(1);
    assertThat(throughput.series().get(0).points())
        .containsExactly(new Point(1, 120), new Point(2, 125));
    assertThat(throughput.title()).endsWith("429 7");
    assertThat(page.subtitle()).contains("load average 3.5", report.line());
  }

  @Test
  void theSvgNamesBothMeasurements() throws Exception {
    SvgDocument svg =
        SvgDocument.parse(ChartSvg.render(ApiLoadChart.page(ApiLoadReportTest.report(0, 0))));

    assertThat(svg.texts())
        .contains(ApiLoadChart.LATENCY, ApiLoadChart.SERVED, "latency, ms", "requests/s");
  }
}
