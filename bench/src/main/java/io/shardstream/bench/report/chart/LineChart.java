package io.shardstream.bench.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines through points, one per series, on shared numeric axes: a rate over time, a latency
 * distribution.
 *
 * @param xAxis what x is, with the unit, e.g. {@code seconds since start}
 * @param yAxis what y is, with the unit, e.g. {@code events/s}
 */
public record LineChart(String title, String xAxis, String yAxis, List<Series> series)
    implements Chart {

  public LineChart {
    series = List.copyOf(series);
    if (series.isEmpty()) {
      throw new IllegalArgumentException(title + ": a line chart needs at least one series");
    }
  }

  /** One line, through {@code points} in the order given. */
  public record Series(String name, List<Point> points) {
    public Series {
      points = List.copyOf(points);
    }
  }

  public record Point(double x, double y) {}

  /**
   * The empirical distribution of {@code sorted} (ascending) samples: for each distinct value, in
   * {@code unit}s, the share (%) of samples at or below it.
   */
  public static List<Point> cumulativeShare(long[] sorted, double unit) {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < sorted.length; i++) {
      if (i + 1 == sorted.length || sorted[i + 1] != sorted[i]) {
        points.add(new Point(sorted[i] / unit, 100.0 * (i + 1) / sorted.length));
      }
    }
    return points;
  }
}
