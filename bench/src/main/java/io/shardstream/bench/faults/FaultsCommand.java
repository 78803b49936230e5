package io.shardstream.bench.faults;

import io.shardstream.bench.BenchException;
import io.shardstream.bench.jmh.DurationConverter;
import io.shardstream.bench.report.Machine;
import io.shardstream.bench.report.chart.ChartOption;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench faults}: the fault scenarios on the real parts, each checked against the reference
 * model's projection; one line per scenario and a summary line on stdout.
 */
@Command(
    name = "faults",
    mixinStandardHelpOptions = true,
    description = {
      "Fault scenarios on the real parts (Kafka broker, DynamoDB Local, Apicurio registry, the"
          + " writer as child JVMs) while a generated workload streams in: DynamoDB killed for"
          + " the outage, the registry unreachable, the broker restarted, the writer scaled"
          + " 1 -> 3 -> 2 with a SIGKILL. Each ends with the table compared to the reference"
          + " model's projection, the dead letters to the expected ones, the counters to the"
          + " events.",
      "Progress goes to stderr; stdout gets one line per scenario,",
      "fault: NAME recovered in S s, events E, lost L, duplicated D, stale S",
      "and last: faults: N scenarios, lost L, duplicated D, stale S.",
      "Exit code 1 when anything was lost, duplicated or stale, or counters did not add up."
    })
public final class FaultsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--users",
      defaultValue = "720",
      paramLabel = "N",
      description =
          "Users of the generated workload (about 7 records each, updates, deletes, invalid and"
              + " refused records included). Default: ${DEFAULT-VALUE}.")
  int users;

  @Option(
      names = "--rate",
      defaultValue = "200",
      paramLabel = "R",
      description = "Records per second produced. Default: ${DEFAULT-VALUE}.")
  int rate;

  @Option(
      names = "--outage",
      defaultValue = "30s",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How long DynamoDB and the registry stay away, e.g. 30s. Default: ${DEFAULT-VALUE}.")
  Duration outage;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "NAME",
      description = "Only these scenarios (comma-separated): ${COMPLETION-CANDIDATES}.",
      completionCandidates = FaultNames.class)
  List<String> only = new ArrayList<>();

  @Option(
      names = "--seed",
      defaultValue = "20250917",
      paramLabel = "SEED",
      description = "Seed of the workload. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--work-dir",
      defaultValue = ".shardstream/bench/faults",
      paramLabel = "DIR",
      description =
          "Kafka's log, DynamoDB's file, the writers' settings, state and logs (cleared first)."
              + " Default: ${DEFAULT-VALUE}.")
  Path workDir;

  @Mixin ChartOption chart;

  @Override
  public Integer call() throws Exception {
    FaultRun.Options options =
        new FaultRun.Options(users, seed, rate, outage, workDir.toAbsolutePath());
    List<Fault> faults = selected();
    double loadAtStart = Machine.loadAverage();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    List<FaultResult> results;
    try {
      results =
          new FaultsBenchmark(options, line -> progress(err, line))
              .run(
                  faults,
                  result -> {
                    out.println(result.line());
                    out.flush();
                  });
    } catch (AssertionError e) {
      // A wait found nothing moving: the run cannot finish, say why in one line.
      throw new BenchException("a scenario stalled: " + e.getMessage());
    }
    out.println(FaultResult.summary(results));
    out.flush();
    chart.write(
        () ->
            FaultsChart.page(
                results,
                String.format(
                    Locale.ROOT,
                    "%,d users (seed %d) streamed at %d records/s; outages of %d s. Machine: %s",
                    users,
                    seed,
                    rate,
                    outage.toSeconds(),
                    Machine.describe(loadAtStart, false))),
        line -> progress(err, line));
    for (FaultResult result : results) {
      if (!result.countersAddUp()) {
        progress(err, result.name() + ": counters do not add up: " + result.counters());
      }
    }
    return results.stream().allMatch(FaultResult::clean) ? 0 : 1;
  }

  private List<Fault> selected() {
    require(users >= 20, "--users must be at least 20");
    require(!outage.isZero(), "--outage must be positive");
    require(rate >= 1, "--rate must be at least 1");
    if (only.isEmpty()) {
      return List.of(Fault.values());
    }
    List<Fault> faults = new ArrayList<>();
    for (String name : only) {
      try {
        faults.add(Fault.byId(name.trim()));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(),
            "--only: unknown scenario '"
                + name
                + "'; choose from "
                + String.join(", ", new FaultNames()));
      }
    }
    return faults;
  }

  private void require(boolean condition, String message) {
    if (!condition) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }

  private static void progress(PrintWriter err, String line) {
    err.println("faults: " + line);
    err.flush();
  }

  /** The scenarios' names, for {@code --only}. */
  static final class FaultNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    FaultNames() {
      super(Arrays.stream(Fault.values()).map(Fault::id).collect(Collectors.toList()));
    }
  }
}
