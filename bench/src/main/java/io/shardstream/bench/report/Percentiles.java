package io.shardstream.bench.report;

/** Exact percentiles of a few hundred samples: a sorted array is all it takes. */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The nearest-rank percentile: the smallest sample with at least {@code percent}% of the samples
   * at or below it.
   *
   * @param sorted ascending, at least one sample
   * @param percent in (0, 100]
   */
  public static long nearestRank(long[] sorted, double percent) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent must be in (0, 100], got " + percent);
    }
    // percent × n first: 99 × 300 / 100 is exactly 297, where 0.99 × 300 is not.
    int rank = (int) Math.ceil(percent * sorted.length / 100.0);
    return sorted[Math.max(rank, 1) - 1];
  }

  public static double mean(long[] samples) {
    double sum = 0;
    for (long sample : samples) {
      sum += sample;
    }
    return sum / samples.length;
  }
}
