package io.shardstream.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class IngestReportTest {

  @Test
  void lastLineHoldsFileThroughputAndStreamPercentiles() {
    long[] latencies =
        LongStream.rangeClosed(1, 200).map(i -> 201 - i).toArray(); // 200..1, unsorted
    IngestReport report =
        new IngestReport(
            50_000, Duration.ofMillis(2_500), latencies, 20, Duration.ofSeconds(31), "2 cores");

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
            new IngestReport(1, Duration.ofSeconds(1), new long[] {7}, 1, Duration.ZERO, "2 cores")
                .streamPercentile(50))
        .isEqualTo(7);
  }
}
