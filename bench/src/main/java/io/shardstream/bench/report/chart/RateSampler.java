package io.shardstream.bench.report.chart;

import io.shardstream.bench.report.chart.LineChart.Point;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Work done over time, for a throughput-over-time chart: threads {@link #add} what they finish (a
 * {@link LongAdder}: cheap under contention), and a daemon thread notes the running total every
 * interval. {@link #close()} notes the last total.
 */
public final class RateSampler implements AutoCloseable {
  private final LongAdder done = new LongAdder();
  private final long start = System.nanoTime();
  private final List<Point> totals = new ArrayList<>();
  private final ScheduledExecutorService sampler;

  private RateSampler(Duration every) {
    sampler =
        Executors.newSingleThreadScheduledExecutor(
            runnable ->
                Thread.ofPlatform().daemon().name("bench-rate-sampler").unstarted(runnable));
    sample();
    long nanos = every.toNanos();
    sampler.scheduleAtFixedRate(this::sample, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  /** Starts counting now, noting the total every {@code every}. */
  public static RateSampler start(Duration every) {
    return new RateSampler(every);
  }

  public void add(long count) {
    done.add(count);
  }

  private synchronized void sample() {
    totals.add(new Point((System.nanoTime() - start) / 1e9, done.sum()));
  }

  /** Running totals: seconds since the start, and the count done by then. */
  public synchronized List<Point> totals() {
    return List.copyOf(totals);
  }

  @Override
  public void close() {
    if (sampler.isShutdown()) {
      return;
    }
    sampler.shutdownNow();
    try {
      sampler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sample();
  }

  /**
   * The rate per second over consecutive windows of {@link #window(List)}, each plotted at its
   * window's end. Totals only move in steps (a flush, a commit), so the rate between two samples
   * would be all spikes; over a window, with the running total interpolated between samples, it
   * reads as throughput.
   */
  public static List<Point> rates(List<Point> totals) {
    return rates(totals, window(totals));
  }

  /** As {@link #rates(List)}, over windows of {@code window} seconds (the last may be shorter). */
  public static List<Point> rates(List<Point> totals, double window) {
    List<Point> rates = new ArrayList<>();
    if (totals.size() < 2 || !(window > 0)) {
      return rates;
    }
    double start = totals.get(0).x();
    double end = totals.get(totals.size() - 1).x();
    for (int i = 0; start + i * window < end - 1e-9; i++) {
      double from = start + i * window;
      double to = Math.min(end, from + window);
      rates.add(new Point(to, (totalAt(totals, to) - totalAt(totals, from)) / (to - from)));
    }
    return rates;
  }

  /** A window of about a tenth of a short run, a 25th of one of 20 s or more; 0.1 s at least. */
  public static double window(List<Point> totals) {
    if (totals.isEmpty()) {
      return 0.1;
    }
    double span = totals.get(totals.size() - 1).x() - totals.get(0).x();
    return Math.max(0.1, span / (span >= 20 ? 25 : 10));
  }

  /** The running total at {@code seconds}, linear between the samples around it. */
  private static double totalAt(List<Point> totals, double seconds) {
    for (int i = 1; i < totals.size(); i++) {
      Point before = totals.get(i - 1);
      Point after = totals.get(i);
      if (seconds <= after.x()) {
        double span = after.x() - before.x();
        return span <= 0
            ? after.y()
            : before.y() + (after.y() - before.y()) * (seconds - before.x()) / span;
      }
    }
    return totals.get(totals.size() - 1).y();
  }
}
