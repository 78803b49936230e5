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
   * The rate between successive totals, per second, at the end of each interval; intervals shorter
   * than a millisecond are joined to the next (they would only be noise).
   */
  public static List<Point> rates(List<Point> totals) {
    List<Point> rates = new ArrayList<>();
    Point previous = null;
    for (Point total : totals) {
      if (previous == null) {
        previous = total;
        continue;
      }
      double seconds = total.x() - previous.x();
      if (seconds < 0.001) {
        continue;
      }
      rates.add(new Point(total.x(), (total.y() - previous.y()) / seconds));
      previous = total;
    }
    return rates;
  }
}
