package io.shardstream.bench.keys;

import io.shardstream.bench.BenchException;
import io.shardstream.bench.jmh.ForkClasspath;
import io.shardstream.bench.jmh.JmhSettings;
import io.shardstream.bench.jmh.RateStatistics;
import io.shardstream.core.keys.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Version;

/** Measures shardstream's side of {@code bench keys}: {@link KeysBenchmark} under JMH. */
public final class ShardstreamKeysRun {
  /** A fixed heap keeps GC sizing decisions out of the comparison between runs. */
  private static final List<String> FORK_HEAP = List.of("-Xms2g", "-Xmx2g");

  /**
   * JDK 24+ warns when JMH's harness uses sun.misc.Unsafe (JEP 471); the flag silences the fork.
   * Older JVMs refuse unknown flags, hence only from 24 (forks run this JVM's java binary).
   */
  private static final String ALLOW_UNSAFE = "--sun-misc-unsafe-memory-access=allow";

  private final JmhSettings settings;
  private final boolean showJmhOutput;

  /**
   * @param showJmhOutput print JMH's own progress and summary instead of keeping it in a log
   */
  public ShardstreamKeysRun(JmhSettings settings, boolean showJmhOutput) {
    this.settings = settings;
    this.showJmhOutput = showJmhOutput;
  }

  public SideResult run(KeysWorkload workload) {
    if (settings.forks() > 0) {
      ForkClasspath.requireVisible(KeysBenchmark.class, Runner.class, EntityManager.class);
    }
    Path log = workload.directory().resolve("jmh.log");
    long start = System.nanoTime();
    RunResult result = runJmh(workload, log);
    Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
    return new SideResult(
        "shardstream",
        "JMH " + Version.getPlainVersion() + " throughput, " + settings.describe(),
        RateStatistics.of(iterationRates(result)),
        jvm(),
        wallTime);
  }

  private RunResult runJmh(KeysWorkload workload, Path log) {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include("^" + Pattern.quote(KeysBenchmark.class.getName()) + "\\.addKeys$")
            .param("configFile", workload.shardstreamConfigFile().toString())
            .param("itemsFile", workload.itemsFile().toString())
            .param("entityToken", workload.entityToken())
            .forks(settings.forks())
            .warmupIterations(settings.warmups())
            .warmupTime(TimeValue.milliseconds(settings.iterationTime().toMillis()))
            .measurementIterations(settings.iterations())
            .measurementTime(TimeValue.milliseconds(settings.iterationTime().toMillis()))
            .threads(1)
            .jvmArgsAppend(forkJvmArgs())
            .shouldFailOnError(true);
    if (!showJmhOutput) {
      options.output(log.toString());
    }
    try {
      Collection<RunResult> results = new Runner(options.build()).run();
      if (results.size() != 1) {
        throw new BenchException(
            "JMH returned "
                + results.size()
                + " results for "
                + KeysBenchmark.class.getSimpleName()
                + ", expected 1"
                + logTail(log));
      }
      return results.iterator().next();
    } catch (RunnerException e) {
      throw new BenchException(
          "JMH run of "
              + KeysBenchmark.class.getSimpleName()
              + " failed: "
              + e.getMessage()
              + logTail(log),
          e);
    }
  }

  private static String[] forkJvmArgs() {
    List<String> args = new ArrayList<>(FORK_HEAP);
    if (Runtime.version().feature() >= 24) {
      args.add(ALLOW_UNSAFE);
    }
    return args.toArray(String[]::new);
  }

  /** Every measured iteration of every fork, in order. */
  private static List<Double> iterationRates(RunResult result) {
    return result.getBenchmarkResults().stream()
        .map(BenchmarkResult::getIterationResults)
        .flatMap(Collection::stream)
        .map(iteration -> iteration.getPrimaryResult().getScore())
        .toList();
  }

  private String logTail(Path log) {
    if (showJmhOutput || !Files.isRegularFile(log)) {
      return "";
    }
    try {
      List<String> lines = Files.readAllLines(log);
      return "\nlast lines of JMH's output ("
          + log
          + "):\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  /** The forks run the launching JVM's own java binary, so this names theirs too. */
  private static String jvm() {
    return System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.vm.version")
        + " ("
        + System.getProperty("java.vm.vendor")
        + ")";
  }
}
