package io.shardstream.bench.apiload;

import io.shardstream.bench.report.Percentiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code bench api-load} run: what its clients got and what the query API's heap did. The
 * samples (every served request's latency, requests served per second) stay here for charts.
 *
 * @param clients client threads
 * @param maxRequests the query API's {@code query.requests.max}
 * @param seconds how long the clients ran
 * @param served 2xx answers whose bodies checked out
 * @param rejected 429 answers (each retried after its {@code Retry-After})
 * @param serverErrors 5xx answers
 * @param otherStatus other answers than 2xx, 429 or 5xx
 * @param transportErrors requests without an answer
 * @param wrongAnswers 2xx answers with a malformed page or another user than written
 * @param servedByOperation served requests by kind (search, next page, lookup)
 * @param firstProblems the first problem of each kind
 * @param latencyNanos every served request's latency, ascending
 * @param servedPerSecond requests served in each second of the run
 * @param heap the query API's heap
 * @param writtenDuringLoad change events the writer got while the clients ran
 * @param loadAverage the machine's 1-minute load average at the start and at the end
 */
record ApiLoadReport(
    int clients,
    int maxRequests,
    double seconds,
    long served,
    long rejected,
    long serverErrors,
    long otherStatus,
    long transportErrors,
    long wrongAnswers,
    Map<String, Long> servedByOperation,
    Map<String, String> firstProblems,
    long[] latencyNanos,
    long[] servedPerSecond,
    HeapWatch.Heap heap,
    long writtenDuringLoad,
    double[] loadAverage) {

  /** Every answer but 2xx and 429, requests without an answer, and wrong answers. */
  long errors() {
    return serverErrors + otherStatus + transportErrors + wrongAnswers;
  }

  double requestsPerSecond() {
    return served / seconds;
  }

  double percentileMillis(double percent) {
    return latencyNanos.length == 0
        ? Double.NaN
        : Percentiles.nearestRank(latencyNanos, percent) / 1e6;
  }

  /** The last line: {@code api-load: C clients, R req/s, p50 X ms, p99 Y ms, errors E, 5xx F}. */
  String line() {
    return String.format(
        Locale.ROOT,
        "api-load: %d clients, %.0f req/s, p50 %.1f ms, p99 %.1f ms, errors %d, 5xx %d",
        clients,
        requestsPerSecond(),
        percentileMillis(50),
        percentileMillis(99),
        errors(),
        serverErrors);
  }

  /** The lines before it: the mix, the refusals, the heap, the writer, the machine. */
  List<String> details() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "api-load: %d served in %.1f s %s, p90 %.1f ms, max %.1f ms",
            served,
            seconds,
            servedByOperation,
            percentileMillis(90),
            latencyNanos.length == 0 ? Double.NaN : latencyNanos[latencyNanos.length - 1] / 1e6));
    lines.add(
        String.format(
            Locale.ROOT,
            "api-load: 429 %d (query.requests.max %d, each retried after Retry-After); errors:"
                + " 5xx %d, other status %d, no answer %d, wrong answers %d",
            rejected,
            maxRequests,
            serverErrors,
            otherStatus,
            transportErrors,
            wrongAnswers));
    firstProblems.forEach((kind, what) -> lines.add("api-load: first " + kind + ": " + what));
    lines.add("api-load: query API heap: " + heap.describe());
    lines.add(
        String.format(
            Locale.ROOT,
            "api-load: the writer got %d change events during the load; load average %.1f at"
                + " start, %.1f at end",
            writtenDuringLoad,
            loadAverage[0],
            loadAverage[1]));
    return lines;
  }
}
