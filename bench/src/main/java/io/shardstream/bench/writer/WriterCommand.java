package io.shardstream.bench.writer;

import io.shardstream.bench.report.chart.ChartOption;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench writer}: end-to-end events/s of the writer, from pre-produced topics to the table
 * (all 12 indexes of the seed configuration), next to the raw BatchWriteItem ceiling of the same
 * DynamoDB Local with the same items.
 */
@Command(
    name = "writer",
    mixinStandardHelpOptions = true,
    description = {
      "Writer throughput: pre-produced events from Kafka to the DynamoDB Local table by the "
          + "writer (a child JVM), next to the same items written straight with BatchWriteItem.",
      "Progress goes to stderr; the report to stdout, ending with",
      "writer: shardstream N events/s, raw batch ceiling M items/s, ratio R",
      "(with --runs, of the run with the median ratio)"
    })
public final class WriterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--events",
      defaultValue = "100000",
      paramLabel = "N",
      description =
          "Events to produce and write (user and email creations). Default: ${DEFAULT-VALUE}.")
  int events;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "SEED",
      description = "Seed of ingest's event generator. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--partitions",
      defaultValue = "3",
      paramLabel = "N",
      description = "Partitions of each source topic. Default: ${DEFAULT-VALUE}.")
  int partitions;

  @Option(
      names = "--writer-heap",
      defaultValue = "512m",
      paramLabel = "SIZE",
      description = "The writer JVM's -Xmx. Default: ${DEFAULT-VALUE}.")
  String writerHeap;

  @Option(
      names = "--writer-jvm-option",
      paramLabel = "OPTION",
      description =
          "An extra option for the writer's JVM (repeatable), e.g."
              + " --writer-jvm-option=-XX:+UseSerialGC.")
  java.util.List<String> writerJvmOptions = new java.util.ArrayList<>();

  @Option(
      names = {"-S", "--writer-setting"},
      paramLabel = "KEY=VALUE",
      description =
          "A writer setting over its defaults (repeatable), e.g. -S kafka.commit.interval.ms=2000.")
  Map<String, String> writerSettings = new LinkedHashMap<>();

  @Option(
      names = "--raw-concurrency",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "BatchWriteItem requests in flight on the raw side; 0 (default) tries 2, 4, 8 and 16 on"
              + " a sample and takes the fastest.")
  int rawConcurrency;

  @Option(
      names = "--runs",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Writer and raw ceiling pairs to measure back to back (each on fresh tables); the"
              + " report gives each and ends with the median ratio's. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Also write the report to FILE: JSON if it ends in .json, else Markdown.")
  Path report;

  @Mixin ChartOption chart;

  @Option(
      names = "--devstack-dir",
      defaultValue = ".shardstream/devstack",
      paramLabel = "DIR",
      description =
          "devstack's data folder (Kafka logs, the unpacked registry; tables are in memory)."
              + " Default: ${DEFAULT-VALUE}.")
  Path devstackDir;

  @Option(
      names = "--work-dir",
      defaultValue = ".shardstream/bench/writer",
      paramLabel = "DIR",
      description =
          "The writer's settings file, state directory and log (writer.log)."
              + " Default: ${DEFAULT-VALUE}.")
  Path workDir;

  @Override
  public Integer call() {
    validate();
    PrintWriter err = spec.commandLine().getErr();
    WriterReport result =
        new WriterBenchmark(
                new WriterBenchmark.Settings(
                    events,
                    seed,
                    partitions,
                    writerHeap,
                    java.util.List.copyOf(writerJvmOptions),
                    Map.copyOf(writerSettings),
                    rawConcurrency,
                    runs,
                    devstackDir,
                    workDir),
                line -> progress(err, line))
            .run();
    if (report != null) {
      WriterReportFile.write(report, result);
      progress(err, "report written to " + report);
    }
    chart.write(() -> WriterChart.page(result), line -> progress(err, line));
    PrintWriter out = spec.commandLine().getOut();
    out.print(result.text());
    out.flush();
    return 0;
  }

  private void validate() {
    require(events >= 100, "--events must be at least 100");
    require(partitions >= 1, "--partitions must be at least 1");
    require(rawConcurrency >= 0, "--raw-concurrency must not be negative");
    require(runs >= 1 && runs <= 9, "--runs must be between 1 and 9");
    require(
        writerHeap.matches("[0-9]+[kKmMgG]?"),
        "--writer-heap must be a JVM size such as 512m or 1g");
    for (String key : writerSettings.keySet()) {
      require(
          !key.equals("kafka.bootstrap.servers")
              && !key.equals("dynamodb.endpoint")
              && !key.equals("registry.url")
              && !key.equals("http.port"),
          "-S " + key + " is set by the benchmark itself");
    }
  }

  private void require(boolean condition, String message) {
    if (!condition) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }

  private static void progress(PrintWriter err, String line) {
    err.println("writer: " + line);
    err.flush();
  }
}
