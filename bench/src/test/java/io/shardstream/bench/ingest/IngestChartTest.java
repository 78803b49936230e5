package io.shardstream.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shardstream.bench.report.chart.ChartPage;
import io.shardstream.bench.report.chart.ChartSvg;
import io.shardstream.bench.report.chart.LineChart;
import io.shardstream.bench.report.chart.LineChart.Point;
import io.shardstream.bench.report.chart.SvgDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestChartTest {

  @Test
  void fileThroughputOverTimeAndTheStreamLatencyDistribution() {
    IngestReport report = IngestReportTest.report();

    ChartPage page = IngestChart.page(report);

    LineChart throughput = (LineChart) page.charts().get(0);
    assertThat(throughput.title()).endsWith("20,000 events/s overall");
    // IngestReportTest's samples: 15,000 by 1 s, 50,000 by 2.5 s; windows of 0.25 s.
    List<Point> rates = throughput.series().get(0).points();
    assertThat(rates).hasSize(10).startsWith(new Point(0.25, 15_000));
    assertThat(rates.get(9).x()).isEqualTo(2.5);
    assertThat(rates.get(9).y()).isCloseTo(35_000 / 1.5, within(0.001));
    LineChart latency = (LineChart) page.charts().get(1);
    assertThat(latency.title())
        .isEqualTo("Stream latency distribution: p50 100 ms, p90 180 ms, p99 198 ms");
    // 200 samples of 1..200 ms: each is 0.5 % more.
    assertThat(latency.series().get(0).points())
        .hasSize(200)
        .startsWith(new Point(1, 0.5))
        .endsWith(new Point(200, 100));
    assertThat(page.subtitle()).contains("2 cores", report.resultLine());
  }

  @Test
  void equalLatenciesAreOnePointAtTheirShare() {
    assertThat(LineChart.cumulativeShare(new long[] {5, 5, 5, 9}, 1))
        .containsExactly(new Point(5, 75), new Point(9, 100));
  }

  @Test
  void theSvgNamesBothMeasurements() throws Exception {
    SvgDocument svg =
        SvgDocument.parse(ChartSvg.render(IngestChart.page(IngestReportTest.report())));

    assertThat(svg.texts())
        .contains(IngestChart.FILE, IngestChart.STREAM, "latency, ms", "events/s");
  }
}
