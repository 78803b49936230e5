package io.shardstream.bench.report.chart;

import io.shardstream.bench.report.ReportFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a {@link ChartPage} as one SVG document: JFreeChart lays out and draws each chart (axes,
 * ticks, legend, labels) on JFreeSVG's {@code Graphics2D}, which writes text as SVG text (readable,
 * searchable) and shapes as SVG paths.
 */
public final class ChartSvg {
  /** Width of the page; each chart gets {@link #CHART_HEIGHT} under the heading. */
  static final double WIDTH = 960;

  static final double CHART_HEIGHT = 420;

  /** The same colour for the same series position in every chart: ours first, then the other. */
  private static final List<Color> PALETTE =
      List.of(
          new Color(0x1f77b4),
          new Color(0xff7f0e),
          new Color(0x2ca02c),
          new Color(0xd62728),
          new Color(0x9467bd),
          new Color(0x8c564b),
          new Color(0xe377c2),
          new Color(0x7f7f7f));

  private static final Font HEADING = new Font(Font.SANS_SERIF, Font.BOLD, 20);
  private static final Font CONDITIONS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font CHART_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  private static final Font BAR_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
  private static final Color GRID = new Color(0xdddddd);

  static {
    // Rotated labels (the value axis') as SVG text like every other label: JFreeChart's default
    // draws them as glyph outlines, a workaround for old Java2D, which leaves them unsearchable.
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private ChartSvg() {}

  /** Writes the page to {@code file}, creating its folder. */
  public static void write(Path file, ChartPage page) {
    ReportFiles.writeText(file, render(page));
  }

  /** The page as a standalone SVG document. */
  public static String render(ChartPage page) {
    TextTitle heading = title(page.title(), HEADING, Color.BLACK, 12);
    TextTitle conditions = title(page.subtitle(), CONDITIONS, Color.DARK_GRAY, 4);
    // Measured on a scratch canvas first: the page's height depends on how the conditions wrap.
    SVGGraphics2D scratch = new SVGGraphics2D(WIDTH, 100);
    double headingHeight = height(heading, scratch);
    double conditionsHeight = height(conditions, scratch) + 8;
    double height = headingHeight + conditionsHeight + page.charts().size() * CHART_HEIGHT;

    SVGGraphics2D svg = new SVGGraphics2D(WIDTH, height);
    svg.setPaint(Color.WHITE);
    svg.fill(new Rectangle2D.Double(0, 0, WIDTH, height));
    heading.draw(svg, new Rectangle2D.Double(0, 0, WIDTH, headingHeight));
    conditions.draw(svg, new Rectangle2D.Double(0, headingHeight, WIDTH, conditionsHeight));
    double top = headingHeight + conditionsHeight;
    for (Chart chart : page.charts()) {
      draw(chart).draw(svg, new Rectangle2D.Double(0, top, WIDTH, CHART_HEIGHT));
      top += CHART_HEIGHT;
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.getSVGElement() + "\n";
  }

  private static TextTitle title(String text, Font font, Color colour, double padding) {
    TextTitle title = new TextTitle(text, font);
    title.setPaint(colour);
    title.setHorizontalAlignment(HorizontalAlignment.LEFT);
    title.setTextAlignment(HorizontalAlignment.LEFT);
    title.setPadding(new RectangleInsets(padding, 16, 0, 16));
    return title;
  }

  private static double height(TextTitle title, SVGGraphics2D canvas) {
    return title
        .arrange(
            canvas,
            new RectangleConstraint(
                WIDTH, null, LengthConstraintType.FIXED, 0, null, LengthConstraintType.NONE))
        .getHeight();
  }

  static JFreeChart draw(Chart chart) {
    JFreeChart drawn =
        switch (chart) {
          case BarChart bars -> bars(bars);
          case LineChart lines -> lines(lines);
        };
    drawn.setBackgroundPaint(Color.WHITE);
    drawn.getTitle().setFont(CHART_TITLE);
    drawn.setPadding(new RectangleInsets(8, 8, 8, 16));
    return drawn;
  }

  private static JFreeChart bars(BarChart chart) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (BarChart.Series series : chart.series()) {
      for (int i = 0; i < chart.categories().size(); i++) {
        double value = series.values().get(i);
        // null, not a skipped cell: a category keeps its place even where a series has no bar.
        data.addValue(Double.isNaN(value) ? null : value, series.name(), chart.categories().get(i));
      }
    }
    JFreeChart drawn =
        ChartFactory.createBarChart(chart.title(), chart.categoryAxis(), chart.valueAxis(), data);
    CategoryPlot plot = drawn.getCategoryPlot();
    plain(plot);
    plot.setRangeGridlinePaint(GRID);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.04);
    // A lone category's bar would fill the plot.
    renderer.setMaximumBarWidth(0.12);
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", values()));
    renderer.setDefaultItemLabelFont(BAR_LABEL);
    renderer.setDefaultItemLabelsVisible(true);
    for (int i = 0; i < chart.series().size(); i++) {
      renderer.setSeriesPaint(i, colour(i));
    }
    CategoryAxis categories = plot.getDomainAxis();
    categories.setMaximumCategoryLabelLines(3);
    NumberAxis valueAxis = (NumberAxis) plot.getRangeAxis();
    valueAxis.setNumberFormatOverride(values());
    valueAxis.setUpperMargin(0.12); // room for the labels above the highest bar
    double highest =
        chart.series().stream()
            .flatMap(series -> series.values().stream())
            .filter(value -> !Double.isNaN(value))
            .mapToDouble(Double::doubleValue)
            .max()
            .orElse(0);
    if (!(highest > 0)) {
      // All zeros (nothing lost) would make an axis around 0 with negative ticks.
      valueAxis.setRange(0, 1);
    }
    return drawn;
  }

  private static JFreeChart lines(LineChart chart) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (LineChart.Series series : chart.series()) {
      XYSeries line = new XYSeries(series.name(), false, true);
      series.points().forEach(point -> line.add(point.x(), point.y()));
      data.addSeries(line);
    }
    JFreeChart drawn =
        ChartFactory.createXYLineChart(chart.title(), chart.xAxis(), chart.yAxis(), data);
    XYPlot plot = drawn.getXYPlot();
    plain(plot);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
    for (int i = 0; i < chart.series().size(); i++) {
      renderer.setSeriesPaint(i, colour(i));
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      // Points marked where they are few enough to tell apart.
      renderer.setSeriesShapesVisible(i, chart.series().get(i).points().size() <= 60);
    }
    ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(values());
    ((NumberAxis) plot.getDomainAxis()).setNumberFormatOverride(values());
    ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(true);
    return drawn;
  }

  private static void plain(Plot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(Color.GRAY);
  }

  private static Color colour(int series) {
    return PALETTE.get(series % PALETTE.size());
  }

  private static NumberFormat values() {
    return new ReadableNumbers();
  }
}
