package io.shardstream.bench.ingest;

import io.shardstream.bench.BenchException;
import io.shardstream.bench.report.chart.ChartOption;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench ingest}: file-to-Kafka throughput and stream-to-Kafka latency on the local stack.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Ingest: generated events imported from a JSON lines file into Kafka (events/s), and items "
          + "written to a DynamoDB Local source table at a steady rate, read by the stream source "
          + "(KCL) into Kafka (latency from PutItem to a consumer).",
      "Progress goes to stderr; the report to stdout, ending with",
      "ingest: file N events/s, stream p50 A ms p99 B ms"
    })
public final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--users",
      defaultValue = "20000",
      paramLabel = "N",
      description = "Users of the generated file (about 2 events each). Default: ${DEFAULT-VALUE}.")
  int users;

  @Option(
      names = "--stream-items",
      defaultValue = "300",
      paramLabel = "N",
      description = "Items written to the source table and measured. Default: ${DEFAULT-VALUE}.")
  int streamItems;

  @Option(
      names = "--stream-rate",
      defaultValue = "20",
      paramLabel = "R",
      description = "PutItem calls per second on the source table. Default: ${DEFAULT-VALUE}.")
  double streamRate;

  @Option(
      names = "--devstack-dir",
      defaultValue = ".shardstream/devstack",
      paramLabel = "DIR",
      description =
          "devstack's data folder (Kafka logs, the unpacked registry). Default: ${DEFAULT-VALUE}.")
  Path devstackDir;

  @Option(
      names = "--work-dir",
      defaultValue = ".shardstream/bench/ingest",
      paramLabel = "DIR",
      description = "Where the generated JSON lines file goes. Default: ${DEFAULT-VALUE}.")
  Path workDir;

  @Mixin ChartOption chart;

  @Override
  public Integer call() throws Exception {
    if (users < 1 || streamItems < 1 || !(streamRate > 0)) {
      throw new BenchException(
          "--users and --stream-items must be at least 1, --stream-rate above 0");
    }
    PrintWriter err = spec.commandLine().getErr();
    Consumer<String> progress =
        line -> {
          err.println(line);
          err.flush();
        };
    IngestReport report =
        new IngestBenchmark(users, streamItems, streamRate, devstackDir, workDir, progress).run();
    chart.write(() -> IngestChart.page(report), progress);
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.text());
    out.flush();
    return 0;
  }
}
