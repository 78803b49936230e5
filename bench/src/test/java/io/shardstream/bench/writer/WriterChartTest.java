package io.shardstream.bench.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shardstream.bench.report.chart.BarChart;
import io.shardstream.bench.report.chart.ChartPage;
import io.shardstream.bench.report.chart.ChartSvg;
import io.shardstream.bench.report.chart.LineChart;
import io.shardstream.bench.report.chart.LineChart.Point;
import io.shardstream.bench.report.chart.SvgDocument;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriterChartTest {
  static final WriterReport REPORT =
      WriterReportTest.report(Duration.ofMillis(125_000), Duration.ofMillis(61_000));

  @Test
  void throughputOverTimeHasTheWriterAndTheRawSide() {
    ChartPage page = WriterChart.page(REPORT);

    LineChart overTime = (LineChart) page.charts().get(0);
    // WriterReportTest's samples: the writer 0 until 8 s, 30,000 by 20 s, all by 125 s, in
    // windows of 5 s; the raw side 50,000 by 30 s, all by 61 s, in windows of 2.44 s.
    LineChart.Series writer = overTime.series().get(0);
    assertThat(writer.name()).isEqualTo(WriterChart.WRITER);
    assertThat(writer.points())
        .hasSize(25)
        .startsWith(new Point(5, 0), new Point(10, 1_000), new Point(15, 2_500));
    assertThat(writer.points().get(24).x()).isEqualTo(125);
    assertThat(writer.points().get(24).y()).isCloseTo(70_000 / 105.0, within(0.001));
    LineChart.Series raw = overTime.series().get(1);
    assertThat(raw.name()).isEqualTo(WriterChart.RAW);
    assertThat(raw.points()).hasSize(25);
    assertThat(raw.points().get(0).y()).isCloseTo(50_000 / 30.0, within(0.001));
    assertThat(raw.points().get(24).y()).isCloseTo(50_000 / 31.0, within(0.001));
  }

  @Test
  void barsCompareTheRunsAndSplitTheStreamThreadsTime() {
    ChartPage page = WriterChart.page(REPORT);

    BarChart ratios = (BarChart) page.charts().get(1);
    assertThat(ratios.title()).endsWith("ratio 0.49");
    assertThat(ratios.categories()).containsExactly("run 1: ratio 0.49 (median, reported)");
    assertThat(ratios.series())
        .containsExactly(
            new BarChart.Series(WriterChart.WRITER_RATE, List.of(800.0)),
            new BarChart.Series(WriterChart.RAW_RATE, List.of(1_639.0)));
    BarChart wall = (BarChart) page.charts().get(2);
    assertThat(wall.categories()).isEqualTo(WriterChart.WALL_PARTS);
    assertThat(wall.series().get(0).values()).containsExactly(60.0, 12.0, 45.0);
    BarChart cpu = (BarChart) page.charts().get(3);
    assertThat(cpu.categories()).contains("keys", "serde", "state store", "sink");
    assertThat(cpu.series().get(0).values()).contains(40.0, 30.0, 20.0, 10.0);
    assertThat(page.subtitle()).contains("2 cores", REPORT.resultLine());
  }

  @Test
  void theSvgHasEveryChart() throws Exception {
    SvgDocument svg = SvgDocument.parse(ChartSvg.render(WriterChart.page(REPORT)));

    assertThat(svg.texts())
        .contains(
            "shardstream bench writer",
            WriterChart.WRITER,
            WriterChart.RAW,
            WriterChart.WRITER_RATE,
            WriterChart.RAW_RATE,
            "items/s written to the table",
            "seconds since the start",
            "table writes (sink)",
            "800",
            "1,639");
  }
}
