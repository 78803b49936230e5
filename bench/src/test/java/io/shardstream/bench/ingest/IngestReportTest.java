package io.shardstream.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.bench.report.chart.LineChart.Point;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class IngestReportTest {

  static IngestReport report() {
    long[] latencies =
        LongStream.rangeClosed(1, 200).map(i -> 201 - i).toArray(); // 200..1, unsorted
    return new IngestReport(
        50_000,
        Duration.ofMillis(2_500),
        latencies,
        20,
        Duration.ofSeconds(31),
        "2 cores",
        List.of(new Point(0, 0), new Point(1, 15_000), new Point(2.5, 50_000)));
  }

  @Test
  void lastLineHoldsFileThroughputAndStreamPercentiles() {
    IngestReport report = report();

    String[] lines = report.text().split("\n");

    assertThat(lines[lines.length - 1])
        .isEqualTo("ingest: file 20000 events/s, stream p50 100 ms p99 198 ms");
    assertThat(report.text())
        .contains("50,000 events in 2.50 s")
        .contains("max 200 ms")
        .contains("31.0 s");
  }

  @Test
  void nearestRankOfOneSampleIsThatSample() {
    assertThat(
            new IngestReport(
                    1,
                    Duration.ofSeconds(1),
                    new long[] {7},
                    1,
                    Duration.ZERO,
                    "2 cores",
                    List.of())
                .streamPercentile(50))
        .isEqualTo(7);
  }
}
