package io.shardstream.bench.report.chart;

/**
 * One chart of plain numbers: what a benchmark measured, with no drawing in it. {@link ChartSvg}
 * draws it; a benchmark only builds these from its report, so a new benchmark needs no drawing
 * code.
 */
public sealed interface Chart permits BarChart, LineChart {
  /** What the chart shows, the unit included where the axis does not say it. */
  String title();
}
