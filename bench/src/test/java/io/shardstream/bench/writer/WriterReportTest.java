package io.shardstream.bench.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.bench.report.chart.LineChart.Point;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriterReportTest {
  static final String LINE_FORMAT =
      "writer: shardstream \\d+ events/s, raw batch ceiling \\d+ items/s, ratio \\d+\\.\\d\\d";

  @Test
  void theLastLineIsTheResultWithTheRatioOfTheRoundedRates() throws Exception {
    WriterReport report = report(Duration.ofMillis(125_000), Duration.ofMillis(61_000));

    // 100,000 / 125 s = 800 events/s; 100,000 / 61 s = 1,639.3 -> 1639 items/s; 800 / 1639.
    assertThat(report.resultLine())
        .isEqualTo("writer: shardstream 800 events/s, raw batch ceiling 1639 items/s, ratio 0.49")
        .matches(LINE_FORMAT);
    List<String> lines = report.text().lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo(report.resultLine());
    assertThat(report.text())
        .contains(
            "100,000 events (seed 42): 33,000 user and 67,000 email creations",
            "kafka.processing.guarantee=exactly_once_v2",
            "(defaults)",
            "applied 100,000",
            "2 in flight 1,500 items/s, 4 in flight 1,700 items/s (5,000 items each, own"
                + " tables); best: 4",
            "heap 40 MiB used after a full GC");
    assertThat(WriterReportFile.json(report))
        .contains("\"eventsPerSecond\" : 800", "\"ratio\" : 0.49", report.resultLine());
    assertThat(WriterReportFile.markdown(report))
        .startsWith("# shardstream bench writer")
        .endsWith("```\n" + report.resultLine() + "\n```\n");
  }

  @Test
  void severalRunsReportTheMedianRatioAndEachRunWithWhereTheTimeWent() throws Exception {
    WriterBenchmark.Settings settings =
        new WriterBenchmark.Settings(
            100_000,
            42,
            3,
            "512m",
            List.of(),
            Map.of(),
            0,
            3,
            Path.of("devstack"),
            Path.of("work"));
    WriterReport report =
        new WriterReport(
            settings,
            33_000,
            67_000,
            12,
            "2.6.1",
            new WriterReport.Produce(Duration.ofSeconds(9)),
            List.of(
                // 800/1639 = 0.49, 1000/1639 = 0.61, 500/1639 = 0.31: the median is the first.
                run(Duration.ofMillis(125_000), Duration.ofMillis(61_000)),
                run(Duration.ofMillis(100_000), Duration.ofMillis(61_000)),
                run(Duration.ofMillis(200_000), Duration.ofMillis(61_000))),
            "2 cores",
            Duration.ofMinutes(15));

    assertThat(report.resultLine())
        .isEqualTo("writer: shardstream 800 events/s, raw batch ceiling 1639 items/s, ratio 0.49");
    assertThat(report.text())
        .contains(
            "run 1 of 3 (median, reported): writer 800 events/s, raw 1,639 items/s, ratio 0.49",
            "run 2 of 3: writer 1,000 events/s, raw 1,639 items/s, ratio 0.61",
            "run 3 of 3: writer 500 events/s, raw 1,639 items/s, ratio 0.31",
            "table writes (sink) 60.0 s (51%), EOS transaction calls 12.0 s (10%)",
            "state store 40%, serde 30%, sink 20%, keys 10%");
    assertThat(WriterReportFile.json(report)).contains("\"runs\"", "\"median\" : true");
  }

  static WriterReport report(Duration writer, Duration raw) {
    WriterBenchmark.Settings settings =
        new WriterBenchmark.Settings(
            100_000,
            42,
            3,
            "512m",
            List.of(),
            Map.of(),
            0,
            1,
            Path.of("devstack"),
            Path.of("work"));
    long mib = 1024 * 1024;
    return new WriterReport(
        settings,
        33_000,
        67_000,
        12,
        "2.6.1",
        new WriterReport.Produce(Duration.ofSeconds(9)),
        List.of(run(writer, raw)),
        "2 cores",
        Duration.ofMinutes(5));
  }

  static WriterReport.Run run(Duration writer, Duration raw) {
    long mib = 1024 * 1024;
    return new WriterReport.Run(
        new WriterReport.WriterSide(
            100_000,
            Map.of("applied", 100_000.0),
            writer,
            Duration.ofSeconds(8),
            writer.minusSeconds(8),
            130,
            100_000,
            4_100,
            3,
            0,
            40 * mib,
            "after a full GC (jcmd GC.run)",
            200 * mib,
            512 * mib,
            450 * mib,
            480 * mib,
            "512m",
            Path.of("work", "writer.log"),
            List.of(
                new Point(0, 0),
                new Point(8, 0),
                new Point(20, 30_000),
                new Point(writer.toMillis() / 1000.0, 100_000))),
        new RawCeiling.Result(
            100_000,
            raw,
            4_000,
            0,
            4,
            List.of(new RawCeiling.Trial(2, 5_000, 1_500), new RawCeiling.Trial(4, 5_000, 1_700)),
            List.of(
                new Point(0, 0),
                new Point(30, 50_000),
                new Point(raw.toMillis() / 1000.0, 100_000))),
        new TimeSplit(
            writer.minusSeconds(8),
            60,
            12,
            Map.of("keys", 10L, "serde", 30L, "state store", 40L, "sink", 20L),
            300));
  }
}
