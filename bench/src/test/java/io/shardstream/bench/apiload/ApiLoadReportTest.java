package io.shardstream.bench.apiload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's lines and sums. */
class ApiLoadReportTest {
  static ApiLoadReport report(long serverErrors, long wrong) {
    long[] latencies = new long[100];
    for (int i = 0; i < latencies.length; i++) {
      latencies[i] = (i + 1) * 1_000_000L; // 1 .. 100 ms
    }
    return new ApiLoadReport(
        64,
        64,
        10.0,
        1234,
        7,
        serverErrors,
        2,
        1,
        wrong,
        Map.of("lookup", 1000L, "search", 234L),
        Map.of(),
        latencies,
        new long[] {120, 125},
        new HeapWatch.Heap(100L << 20, 40L << 20, 256L << 20, 10),
        500,
        new double[] {3.5, 4.25});
  }

  @Test
  void theLastLineHasTheFiguresTheIssueAsksFor() {
    assertThat(report(3, 4).line())
        .isEqualTo("api-load: 64 clients, 123 req/s, p50 50.0 ms, p99 99.0 ms, errors 10, 5xx 3");
  }

  @Test
  void errorsAreEverythingButServedAndRefusedAnswers() {
    ApiLoadReport report = report(0, 0);

    assertThat(report.errors()).isEqualTo(3);
    assertThat(report.details())
        .anySatisfy(line -> assertThat(line).contains("429 7 (query.requests.max 64"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .isEqualTo(
                        "api-load: query API heap: max used 100 MiB, 40 MiB after a full GC at the"
                            + " end, limit 256 MiB (10 polls of /metrics)"))
        .anySatisfy(line -> assertThat(line).contains("load average 3.5 at start, 4.3 at end"));
  }
}
