package io.shardstream.bench.apiload;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients of one run saw, counted as they go (thread-safe): answers by kind, the latency
 * of every request served, and requests served in each second of the run.
 */
final class LoadStats {
  private final long startNanos;
  private final LongAdder served = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder serverErrors = new LongAdder();
  private final LongAdder otherStatus = new LongAdder();
  private final LongAdder transportErrors = new LongAdder();
  private final LongAdder wrongAnswers = new LongAdder();
  private final Map<String, LongAdder> servedByOperation = new ConcurrentHashMap<>();
  private final Map<String, String> firstProblems = new ConcurrentHashMap<>();
  private final AtomicLongArray servedPerSecond;
  private long[] latencies = new long[4096];
  private int latencyCount;

  /** Seconds counted apart; answers later than this count in the last one. */
  private static final int MAX_SECONDS = 24 * 3600;

  LoadStats(long startNanos) {
    this.startNanos = startNanos;
    this.servedPerSecond = new AtomicLongArray(MAX_SECONDS);
  }

  /** A 2xx answer whose body was as it should be. */
  void served(String operation, long latencyNanos, long atNanos) {
    served.increment();
    servedByOperation.computeIfAbsent(operation, o -> new LongAdder()).increment();
    int second = (int) ((atNanos - startNanos) / 1_000_000_000L);
    servedPerSecond.incrementAndGet(Math.min(Math.max(second, 0), servedPerSecond.length() - 1));
    synchronized (this) {
      if (latencyCount == latencies.length) {
        latencies = Arrays.copyOf(latencies, latencies.length * 2);
      }
      latencies[latencyCount++] = latencyNanos;
    }
  }

  /** A 429: the instance was full; the client waits {@code Retry-After} and sends it again. */
  void rejected() {
    rejected.increment();
  }

  /** Another status than 2xx or 429. */
  void failed(String operation, int status, String body) {
    if (status >= 500) {
      serverErrors.increment();
    } else {
      otherStatus.increment();
    }
    firstProblems.putIfAbsent(operation + " " + status, abbreviate(body));
  }

  /** No answer: connection refused or reset, timeout. */
  void transportError(String operation, Exception e) {
    transportErrors.increment();
    firstProblems.putIfAbsent(operation + " " + e.getClass().getSimpleName(), "" + e.getMessage());
  }

  /** A 2xx answer whose body was not what was written or not a well-formed page. */
  void wrongAnswer(String operation, String what) {
    wrongAnswers.increment();
    firstProblems.putIfAbsent(operation + " wrong", abbreviate(what));
  }

  long served() {
    return served.sum();
  }

  long rejectedCount() {
    return rejected.sum();
  }

  long serverErrors() {
    return serverErrors.sum();
  }

  long otherStatus() {
    return otherStatus.sum();
  }

  long transportErrors() {
    return transportErrors.sum();
  }

  long wrongAnswers() {
    return wrongAnswers.sum();
  }

  Map<String, Long> servedByOperation() {
    Map<String, Long> counts = new TreeMap<>();
    servedByOperation.forEach((operation, count) -> counts.put(operation, count.sum()));
    return counts;
  }

  /** The first problem of each kind, for the report (empty when there was none). */
  Map<String, String> firstProblems() {
    return new TreeMap<>(firstProblems);
  }

  /** The latencies of the requests served, ascending. */
  synchronized long[] sortedLatencies() {
    long[] sorted = Arrays.copyOf(latencies, latencyCount);
    Arrays.sort(sorted);
    return sorted;
  }

  /** Requests served in each second of a run of {@code seconds}. */
  long[] servedPerSecond(double seconds) {
    long[] counts = new long[(int) Math.min(MAX_SECONDS, Math.max(1, Math.ceil(seconds)))];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = servedPerSecond.get(i);
    }
    return counts;
  }

  private static String abbreviate(String text) {
    String line = text == null ? "" : text.replaceAll("\\s+", " ");
    return line.length() > 300 ? line.substring(0, 300) + " ..." : line;
  }
}
