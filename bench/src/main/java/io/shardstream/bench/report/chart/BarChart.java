package io.shardstream.bench.report.chart;

import java.util.List;

/**
 * Grouped bars: for each category, one bar per series, all on one value axis. Each bar is labelled
 * with its value.
 *
 * @param categoryAxis what the categories are, e.g. {@code iteration}
 * @param valueAxis what the bars measure, with the unit, e.g. {@code items/s}
 * @param categories the groups of bars, left to right
 * @param series one bar in every category each, with the series' name in the legend
 */
public record BarChart(
    String title,
    String categoryAxis,
    String valueAxis,
    List<String> categories,
    List<Series> series)
    implements Chart {

  public BarChart {
    categories = List.copyOf(categories);
    series = List.copyOf(series);
    if (categories.isEmpty() || series.isEmpty()) {
      throw new IllegalArgumentException(title + ": a bar chart needs categories and series");
    }
    for (Series one : series) {
      if (one.values().size() != categories.size()) {
        throw new IllegalArgumentException(
            title
                + ": series "
                + one.name()
                + " has "
                + one.values().size()
                + " values for "
                + categories.size()
                + " categories");
      }
    }
  }

  /**
   * One bar per category.
   *
   * @param values in category order; {@code NaN} leaves a category without this series' bar
   */
  public record Series(String name, List<Double> values) {
    public Series {
      values = List.copyOf(values);
    }
  }
}
