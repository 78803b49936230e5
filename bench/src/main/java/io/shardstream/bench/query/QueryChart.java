package io.shardstream.bench.query;

import io.shardstream.bench.report.chart.BarChart;
import io.shardstream.bench.report.chart.ChartPage;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench query --chart}: the page latency distribution of both sides (p50, p90, p99, max,
 * mean) and what a page costs in DynamoDB requests; with {@code --vs entity-manager}, Entity
 * Manager's and our latency per search.
 */
final class QueryChart {
  static final List<String> LATENCIES = List.of("p50", "p90", "p99", "max", "mean");
  static final List<String> COSTS =
      List.of(
          "Query calls per page",
          "sequential round trips per page",
          "items read per item returned");

  private QueryChart() {}

  static ChartPage page(QueryReport report) {
    QuerySetup setup = report.setup();
    BarChart latency =
        new BarChart(
            "Page latency, fan-out vs single partition: p50 ratio " + report.p50Ratio(),
            "latency percentile (nearest rank) over " + setup.pages() + " measured pages per side",
            "ms per page (lower is better)",
            LATENCIES,
            report.sides().stream()
                .map(
                    side ->
                        new BarChart.Series(
                            side.name(),
                            List.of(
                                side.p50Ms(),
                                side.p90Ms(),
                                side.p99Ms(),
                                side.maxMs(),
                                side.meanMs())))
                .toList());
    BarChart cost =
        new BarChart(
            "DynamoDB work per page",
            "mean per measured page",
            "count",
            COSTS,
            report.sides().stream()
                .map(
                    side ->
                        new BarChart.Series(
                            side.name(),
                            List.of(
                                side.requestsPerPage(),
                                side.roundTripsPerPage(),
                                side.readsPerItem())))
                .toList());
    return new ChartPage(
        "shardstream bench query",
        String.format(
            Locale.ROOT,
            "%,d users, a %d-item page of a %d-shard × %d-index search (%s) next to a"
                + " single-partition one (%s); %d warm-up pages per side. Machine: %s. %s",
            setup.users(),
            setup.limit(),
            setup.shards(),
            setup.fanOutIndexes(),
            setup.fanOutSearch(),
            setup.singleSearch(),
            setup.warmupPages(),
            setup.machine(),
            report.resultLine()),
        List.of(latency, cost));
  }

  static ChartPage page(VsEntityManager.Result result, String conditions) {
    List<String> categories = List.of("name p50", "name p99", "created p50", "created p99");
    BarChart latency =
        new BarChart(
            "Page latency per search, Entity Manager vs shardstream",
            "search and latency percentile (nearest rank)",
            "ms per page (lower is better)",
            categories,
            List.of(
                latencies(result.oursName(), result.oursCreated()),
                latencies(result.emName(), result.emCreated())));
    BarChart pages =
        new BarChart(
            "Pages per second, one client",
            "search",
            "pages/s (higher is better)",
            List.of("name", "created"),
            List.of(
                new BarChart.Series(
                    result.oursName().name(),
                    List.of(
                        result.oursName().pagesPerSecond(), result.oursCreated().pagesPerSecond())),
                new BarChart.Series(
                    result.emName().name(),
                    List.of(
                        result.emName().pagesPerSecond(), result.emCreated().pagesPerSecond()))));
    return new ChartPage(
        "shardstream bench query --vs entity-manager",
        conditions + ". " + result.resultLine(),
        List.of(latency, pages));
  }

  private static BarChart.Series latencies(
      VsEntityManager.Side name, VsEntityManager.Side created) {
    return new BarChart.Series(
        name.name(), List.of(name.p50Ms(), name.p99Ms(), created.p50Ms(), created.p99Ms()));
  }
}
