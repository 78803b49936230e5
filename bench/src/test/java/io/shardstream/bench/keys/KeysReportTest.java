package io.shardstream.bench.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.bench.jmh.RateStatistics;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class KeysReportTest {
  private static final String LINE_FORMAT =
      "keys: shardstream \\d+ items/s, entity-manager \\d+ items/s, ratio \\d+\\.\\d{2}";

  @Test
  void resultLineRoundsRatesAndDividesTheRoundedValues() {
    assertThat(KeysReport.resultLine(512_345.4, 25_123.6))
        .isEqualTo("keys: shardstream 512345 items/s, entity-manager 25124 items/s, ratio 20.39");
  }

  @Test
  void ratioHasTwoDecimalsRoundedHalfUp() {
    assertThat(KeysReport.ratio(1, 8)).isEqualTo("0.13"); // 0.125
    assertThat(KeysReport.ratio(300, 100)).isEqualTo("3.00");
    assertThat(KeysReport.ratio(2, 3)).isEqualTo("0.67");
  }

  @Test
  void resultLineIgnoresTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(KeysReport.resultLine(1_234_567, 1_000))
          .matches(LINE_FORMAT)
          .endsWith("ratio 1234.57");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void refusesAZeroReferenceRate() {
    assertThatThrownBy(() -> KeysReport.resultLine(1, 0.2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textShowsBothSidesAndEndsWithTheResultLine() {
    KeysReport report =
        new KeysReport(
            new KeysWorkloadSummary(100, 42, "user-email: ..."),
            side("shardstream", 300_000, 310_000),
            side("entity-manager", 60_000, 62_000),
            Duration.ofSeconds(30));

    List<String> lines = report.text().lines().toList();

    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("keys: shardstream 305000 items/s, entity-manager 61000 items/s, ratio 5.00");
    assertThat(report.text()).contains("shardstream            305,000", "JMH", "node v20");
  }

  @Test
  void markdownAndJsonFilesCarryTheResultLine() throws Exception {
    KeysReport report =
        new KeysReport(
            new KeysWorkloadSummary(100, 42, "user-email: ..."),
            side("shardstream", 3, 5),
            side("entity-manager", 1, 1),
            Duration.ofSeconds(1));

    assertThat(KeysReportFile.markdown(report))
        .contains("| shardstream | 4 |", report.resultLine());
    assertThat(KeysReportFile.json(report))
        .contains(
            "\"ratio\" : 4.0", "\"iterationItemsPerSecond\" : [ 3.0, 5.0 ]", report.resultLine());
  }

  static SideResult side(String name, double... rates) {
    return new SideResult(
        name,
        name.equals("shardstream") ? "JMH 1.37" : "node",
        RateStatistics.of(java.util.Arrays.stream(rates).boxed().toList()),
        name.equals("shardstream") ? "OpenJDK 25" : "node v20",
        Duration.ofSeconds(10));
  }
}
