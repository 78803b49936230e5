package io.shardstream.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class QueryReportTest {
  static final String LINE_FORMAT =
      "query: fan-out p50 \\d+\\.\\d ms p99 \\d+\\.\\d ms, single p50 \\d+\\.\\d ms p99 \\d+\\.\\d"
          + " ms, p50 ratio \\d+\\.\\d{2}, reads/item \\d+\\.\\d{2}, rounds \\d+\\.\\d{2}";

  @Test
  void resultLineRoundsToOneDecimalAndDividesThePrintedValues() {
    assertThat(QueryReport.resultLine(31.04, 88.25, 9.96, 20.0, 2.345, 1.255))
        .isEqualTo(
            "query: fan-out p50 31.0 ms p99 88.3 ms, single p50 10.0 ms p99 20.0 ms,"
                + " p50 ratio 3.10, reads/item 2.35, rounds 1.26");
  }

  @Test
  void ratioHasTwoDecimalsHalfUp() {
    // 2.0 / 8.0 = 0.25; 1.0 / 8.0 = 0.125 -> 0.13; 10 / 3 = 3.333 -> 3.33
    assertThat(QueryReport.resultLine(1.0, 1.0, 8.0, 8.0, 1, 1)).contains("p50 ratio 0.13");
    assertThat(QueryReport.resultLine(10.0, 10.0, 3.0, 3.0, 1, 1)).contains("p50 ratio 3.33");
    assertThat(QueryReport.resultLine(7.5, 7.5, 7.5, 7.5, 1, 1)).contains("p50 ratio 1.00");
  }

  @Test
  void resultLineIgnoresTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(QueryReport.resultLine(1234.56, 2000, 4.2, 9.99, 1.5, 1.2))
          .matches(LINE_FORMAT)
          .startsWith("query: fan-out p50 1234.6 ms p99 2000.0 ms, single p50 4.2 ms p99 10.0 ms");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void refusesASingleLatencyThatRoundsToZero() {
    assertThatThrownBy(() -> QueryReport.resultLine(5, 5, 0.04, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textEndsWithTheResultLineAndShowsBothSides() {
    QueryReport report = report();

    List<String> lines = report.text().lines().toList();

    assertThat(lines.get(lines.size() - 1))
        .matches(LINE_FORMAT)
        .isEqualTo(
            "query: fan-out p50 30.0 ms p99 60.0 ms, single p50 10.0 ms p99 20.0 ms,"
                + " p50 ratio 3.00, reads/item 2.00, rounds 2.00");
    assertThat(report.text())
        .contains(
            "2,000 users (seed 7)",
            "16 shards × 2 indexes = 32 partitions",
            "items in 2.0 s = 1,000 items/s",
            "check:   fan-out: ok",
            "machine: 2 cores");
    assertThat(lines).anyMatch(line -> line.matches("fan-out +100 +10 +30\\.0 +60\\.0 .*"));
    assertThat(lines).anyMatch(line -> line.matches("single +100 +10 +10\\.0 +20\\.0 .*"));
  }

  @Test
  void markdownAndJsonCarryTheResultLine() throws Exception {
    QueryReport report = report();

    assertThat(QueryReportFile.markdown(report))
        .contains("| fan-out | 100 | 10 | 30.0 |", "```\n" + report.resultLine() + "\n```");
    assertThat(QueryReportFile.json(report))
        .contains(
            "\"benchmark\" : \"query\"",
            "\"p50Ratio\" : 3.0",
            "\"fanOutPartitions\" : 32",
            "\"resultLine\" : \"" + report.resultLine() + "\"");
  }

  @Test
  void sideStatsTakeNearestRankPercentilesAndPerPageMeans() {
    SideStats stats = side("fan-out", 30, 2);

    assertThat(stats.p50Ms()).isEqualTo(30.0);
    assertThat(stats.p90Ms()).isEqualTo(60.0);
    assertThat(stats.p99Ms()).isEqualTo(60.0);
    assertThat(stats.maxMs()).isEqualTo(90.0);
    assertThat(stats.firstPages()).isEqualTo(10);
    assertThat(stats.requestsPerPage()).isEqualTo(20.0);
    assertThat(stats.itemsPerPage()).isEqualTo(25.0);
    assertThat(stats.readsPerItem()).isEqualTo(2.0);
    assertThat(stats.roundTripsPerPage()).isEqualTo(2.0);
    assertThat(stats.readUnitsPerPage()).isEqualTo(10.0);
  }

  /**
   * 100 pages: 50 at {@code p50} ms, 49 at twice that, one at three times; 25 items and {@code
   * reads} × 25 read each; every tenth a first page.
   */
  private static SideStats side(String name, double p50, int reads) {
    List<PageSample> samples = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      double millis = i < 50 ? p50 : i < 99 ? 2 * p50 : 3 * p50;
      samples.add(
          new PageSample(
              Math.round(millis * 1e6),
              i % 10 == 0,
              25,
              new io.shardstream.core.query.QueryStats(20, 20, 25 * reads, 2, 10.0)));
    }
    return SideStats.of(name, samples);
  }

  static QueryReport report() {
    QuerySetup setup =
        new QuerySetup(
            2_000,
            7,
            "created in 2025: 1,700",
            "bench-query-users, 3 global indexes",
            new FillResult(2_000, Duration.ofSeconds(2), 80, 0, 8),
            16,
            2,
            "name prefix",
            "created index",
            25,
            10,
            100,
            10,
            32,
            "sync client",
            List.of("fan-out: ok", "single: ok"),
            "2 cores, Linux");
    return new QueryReport(
        setup, side("fan-out", 30, 2), side("single", 10, 1), Duration.ofSeconds(20));
  }
}
