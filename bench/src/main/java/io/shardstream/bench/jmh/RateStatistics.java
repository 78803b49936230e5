package io.shardstream.bench.jmh;

import java.util.List;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Summary of per-iteration rates, computed with JMH's own statistics for both sides of a comparison
 * so their error bars mean the same thing.
 *
 * @param error99_9 half-width of the 99.9% confidence interval of the mean (JMH's "Error"); NaN
 *     with a single iteration
 */
public record RateStatistics(
    List<Double> rates, double mean, double standardDeviation, double error99_9) {

  public static RateStatistics of(List<Double> rates) {
    if (rates.isEmpty()) {
      throw new IllegalArgumentException("no measured iterations");
    }
    ListStatistics statistics = new ListStatistics();
    rates.forEach(statistics::addValue);
    return new RateStatistics(
        List.copyOf(rates),
        statistics.getMean(),
        rates.size() > 1 ? statistics.getStandardDeviation() : Double.NaN,
        rates.size() > 1 ? statistics.getMeanErrorAt(0.999) : Double.NaN);
  }
}
