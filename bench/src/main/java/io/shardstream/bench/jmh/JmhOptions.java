package io.shardstream.bench.jmh;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The JMH options every benchmark subcommand takes ({@code @Mixin}). Defaults fit a 2-core machine:
 * one fork of 5 + 5 one-second iterations keeps a side near 12 seconds. Five warm-ups, not three:
 * on such a machine C2 is still compiling the key path through the third second.
 */
public final class JmhOptions {
  @Option(
      names = "--forks",
      defaultValue = "1",
      paramLabel = "N",
      description = "JVM forks to measure in (0 = in this JVM). Default: ${DEFAULT-VALUE}.")
  int forks;

  @Option(
      names = "--warmups",
      defaultValue = "5",
      paramLabel = "N",
      description = "Warm-up iterations. Default: ${DEFAULT-VALUE}.")
  int warmups;

  @Option(
      names = "--iterations",
      defaultValue = "5",
      paramLabel = "N",
      description = "Measured iterations. Default: ${DEFAULT-VALUE}.")
  int iterations;

  @Option(
      names = "--iteration-time",
      defaultValue = "1s",
      paramLabel = "TIME",
      converter = DurationConverter.class,
      description =
          "Length of each warm-up and measured iteration (500ms, 1s, ...). "
              + "Default: ${DEFAULT-VALUE}.")
  Duration iterationTime;

  public JmhSettings settings() {
    return new JmhSettings(forks, warmups, iterations, iterationTime);
  }
}
