package io.shardstream.bench.keys;

import io.shardstream.bench.items.UserItem;
import io.shardstream.bench.items.UserItemGenerator;
import io.shardstream.bench.jmh.JmhOptions;
import io.shardstream.bench.jmh.JmhSettings;
import io.shardstream.bench.report.Machine;
import io.shardstream.bench.report.chart.ChartOption;
import io.shardstream.schemas.ExampleConfigs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench keys}: shardstream's {@code addKeys} under JMH and Entity Manager's under node, on
 * the same generated users and the same configuration, one after the other (never at once: on a
 * 2-core machine they would measure each other).
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = {
      "Key generation throughput: shardstream (JMH) next to Entity Manager 6.14 (node), on the "
          + "same users and config.",
      "Progress goes to stderr; the report to stdout, ending with",
      "keys: shardstream N items/s, entity-manager M items/s, ratio R"
    })
public final class KeysCommand implements Callable<Integer> {
  /** The entity the generated items belong to. */
  static final String ENTITY = "user";

  @Spec CommandSpec spec;

  @Option(
      names = "--items",
      defaultValue = "100000",
      paramLabel = "N",
      description = "Users to generate and key. Default: ${DEFAULT-VALUE}.")
  int items;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "SEED",
      description = "Seed of the user generator. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Mixin JmhOptions jmh;

  @Mixin ChartOption chart;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Also write the report to FILE: JSON if it ends in .json, else Markdown.")
  Path report;

  @Option(
      names = "--node-dir",
      defaultValue = ".shardstream/bench/node",
      paramLabel = "DIR",
      description =
          "Where Entity Manager is installed with npm, kept between runs. "
              + "Default: ${DEFAULT-VALUE}.")
  Path nodeDir;

  @Option(
      names = "--jmh-output",
      description = "Show JMH's own output instead of keeping it in a temporary log.")
  boolean jmhOutput;

  @Override
  public Integer call() {
    JmhSettings settings = settings();
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    double loadAtStart = Machine.loadAverage();
    var users = new UserItemGenerator(seed).generate(items).stream().map(UserItem::toMap).toList();
    try (KeysWorkload workload = KeysWorkload.create(ExampleConfigs.userEmail(), ENTITY, users)) {
      KeysWorkloadSummary summary =
          KeysWorkloadSummary.of(items, seed, ExampleConfigs.USER_EMAIL, workload);
      progress(err, "keys: " + summary.describe());
      progress(err, "keys: shardstream under JMH, " + settings.describe() + " ...");
      SideResult shardstream = new ShardstreamKeysRun(settings, jmhOutput).run(workload);
      progress(err, "keys: entity-manager under node, " + settings.describeIterations() + " ...");
      SideResult entityManager =
          new EntityManagerKeysRun(nodeDir, settings, note -> progress(err, "keys: " + note))
              .run(workload, null);
      KeysReport result =
          new KeysReport(
              summary, shardstream, entityManager, Duration.ofNanos(System.nanoTime() - start));
      if (report != null) {
        KeysReportFile.write(report, result);
        progress(err, "keys: report written to " + report);
      }
      chart.write(
          () -> KeysChart.page(result, Machine.describe(loadAtStart, false)),
          line -> progress(err, "keys: " + line));
      PrintWriter out = spec.commandLine().getOut();
      out.print(result.text());
      out.flush();
    }
    return 0;
  }

  private JmhSettings settings() {
    if (items < 1) {
      throw new ParameterException(spec.commandLine(), "--items must be at least 1");
    }
    try {
      return jmh.settings();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static void progress(PrintWriter err, String line) {
    err.println(line);
    err.flush();
  }
}
