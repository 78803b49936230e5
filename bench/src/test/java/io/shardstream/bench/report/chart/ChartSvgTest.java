package io.shardstream.bench.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.bench.report.chart.LineChart.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartSvgTest {
  static final ChartPage PAGE =
      new ChartPage(
          "shardstream bench example",
          "1,000 items; machine: 2 cores; load average 3.5 at start, 4.1 at end",
          List.of(
              new BarChart(
                  "Throughput: ratio 2.50",
                  "iteration",
                  "items/s (higher is better)",
                  List.of("mean", "iteration 1", "iteration 2"),
                  List.of(
                      new BarChart.Series("ours", List.of(2_500.0, 2_400.0, 2_600.0)),
                      new BarChart.Series("theirs", List.of(1_000.0, Double.NaN, 1_010.0)))),
              new LineChart(
                  "Rate over time",
                  "seconds since the start",
                  "events/s",
                  List.of(
                      new LineChart.Series(
                          "writer", List.of(new Point(0.5, 100), new Point(1, 300))),
                      new LineChart.Series(
                          "raw", List.of(new Point(0.5, 700), new Point(1, 900)))))));

  @Test
  void aPageIsWellFormedSvgWithItsTitlesAxesLegendAndBarLabels() throws Exception {
    SvgDocument svg = SvgDocument.parse(ChartSvg.render(PAGE));

    assertThat(svg.root()).isEqualTo("svg");
    assertThat(svg.texts())
        .contains(
            "shardstream bench example",
            "Throughput: ratio 2.50",
            "items/s (higher is better)",
            "iteration",
            "mean",
            "iteration 1",
            "iteration 2",
            "ours",
            "theirs",
            "Rate over time",
            "seconds since the start",
            "events/s",
            "writer",
            "raw",
            // the bars' own labels
            "2,500",
            "2,400",
            "2,600",
            "1,000",
            "1,010");
    assertThat(svg.allText()).contains("load average 3.5 at start, 4.1 at end");
  }

  @Test
  void aMissingValueDrawsNoBarAndNoLabel() throws Exception {
    BarChart bars = (BarChart) PAGE.charts().get(0);
    ChartPage onlyBars = new ChartPage(PAGE.title(), PAGE.subtitle(), List.of(bars));

    SvgDocument svg = SvgDocument.parse(ChartSvg.render(onlyBars));

    // "theirs" has two values, so labels 1,000 (also a tick) and 1,010, no NaN and no 0 bar label
    // (0 is the axis' first tick only).
    assertThat(svg.texts()).doesNotContain("NaN");
    assertThat(svg.texts().stream().filter("0"::equals)).hasSize(1);
  }

  @Test
  void barsThatAreAllZeroStillGetAReadableAxis() throws Exception {
    ChartPage nothingLost =
        new ChartPage(
            "faults",
            "1 scenario",
            List.of(
                new BarChart(
                    "Lost items",
                    "scenario",
                    "items",
                    List.of("dynamodb-outage"),
                    List.of(new BarChart.Series("lost", List.of(0.0))))));

    SvgDocument svg = SvgDocument.parse(ChartSvg.render(nothingLost));

    assertThat(svg.texts()).contains("0", "0.5", "1").doesNotContain("-0");
  }

  @Test
  void writeCreatesTheFolder(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("charts").resolve("example.svg");

    ChartSvg.write(file, PAGE);

    assertThat(SvgDocument.parse(Files.readString(file)).texts()).contains("Rate over time");
  }

  @Test
  void aSeriesMustHaveOneValuePerCategory() {
    assertThatThrownBy(
            () ->
                new BarChart(
                    "t",
                    "c",
                    "v",
                    List.of("a", "b"),
                    List.of(new BarChart.Series("s", List.of(1.0)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("series s has 1 values for 2 categories");
  }
}
