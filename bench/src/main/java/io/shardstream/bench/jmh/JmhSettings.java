package io.shardstream.bench.jmh;

import java.time.Duration;

/**
 * How long JMH measures: forks, warm-up and measurement iterations of equal length. The node side
 * of a comparison uses the same numbers so both get the same warm-up and measuring budget.
 *
 * @param forks fresh JVMs to run the benchmark in; 0 runs it in this JVM (quicker, less
 *     trustworthy: the profile is polluted by whatever ran before)
 */
public record JmhSettings(int forks, int warmups, int iterations, Duration iterationTime) {
  public JmhSettings {
    if (forks < 0 || warmups < 0 || iterations < 1) {
      throw new IllegalArgumentException(
          "need forks >= 0, warmups >= 0, iterations >= 1; got "
              + forks
              + ", "
              + warmups
              + ", "
              + iterations);
    }
    if (iterationTime.toMillis() < 1) {
      throw new IllegalArgumentException(
          "iteration time must be at least 1ms, got " + iterationTime);
    }
  }

  /** E.g. {@code 1 fork, 3×1s warm-up, 5×1s measured}. */
  public String describe() {
    return forks
        + (forks == 1 ? " fork" : " forks")
        + (forks == 0 ? " (in-process)" : "")
        + ", "
        + describeIterations();
  }

  /** E.g. {@code 3×1s warm-up, 5×1s measured}. */
  public String describeIterations() {
    String time = DurationConverter.format(iterationTime);
    return warmups + "×" + time + " warm-up, " + iterations + "×" + time + " measured";
  }
}
