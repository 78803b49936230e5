package io.shardstream.bench.apiload;

import io.shardstream.bench.jmh.DurationConverter;
import io.shardstream.bench.report.chart.ChartOption;
import io.shardstream.queryapi.Admission;
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

/** {@code bench api-load}: the query API under concurrent clients while the writer writes. */
@Command(
    name = "api-load",
    mixinStandardHelpOptions = true,
    description = {
      "The query API under load on the real parts (Kafka broker, DynamoDB Local, Apicurio"
          + " registry; the writer and the query API as child JVMs): a table populated with"
          + " generated users, then C clients for S seconds doing searches (by created window,"
          + " name, beneficiary, updated), next pages with cursors, lookups of written users and"
          + " of their emails, while the writer writes new events. Every page is checked (order,"
          + " filters, limit, continuation), every lookup against what was written; a 429 is"
          + " retried after its Retry-After and counted apart.",
      "Progress goes to stderr; stdout gets the details, then last:",
      "api-load: C clients, R req/s, p50 X ms, p99 Y ms, errors E, 5xx F",
      "(R: requests served per second; errors: answers other than 2xx and 429, requests without"
          + " an answer, wrong answers). Exit code 1 when there were errors or 5xx."
    })
public final class ApiLoadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ChartOption chart;

  @Option(
      names = "--clients",
      defaultValue = "64",
      paramLabel = "C",
      description = "Concurrent clients. Default: ${DEFAULT-VALUE}.")
  int clients;

  @Option(
      names = "--seconds",
      defaultValue = "60",
      paramLabel = "S",
      description = "How long the clients run. Default: ${DEFAULT-VALUE}.")
  int seconds;

  @Option(
      names = "--users",
      defaultValue = "2000",
      paramLabel = "N",
      description =
          "Users written to the table before the load (with their emails and updates)."
              + " Default: ${DEFAULT-VALUE}.")
  int users;

  @Option(
      names = "--write-rate",
      defaultValue = "50",
      paramLabel = "R",
      description =
          "Change events per second the writer gets during the load. Default: ${DEFAULT-VALUE}.")
  double writeRate;

  @Option(
      names = "--max-requests",
      paramLabel = "N",
      description =
          "The query API's query.requests.max (requests in progress before 429). Default: the"
              + " API's default, "
              + Admission.DEFAULT_REQUESTS
              + ".")
  Integer maxRequests;

  @Option(
      names = "--queue-wait",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "The query API's query.requests.wait (how long a request waits for a place before its"
              + " 429), e.g. 0s or 50ms. Default: the API's default.")
  Duration queueWait;

  @Option(
      names = "--seed",
      defaultValue = "20251206",
      paramLabel = "SEED",
      description = "Seed of the users and of the clients' choices. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--work-dir",
      defaultValue = ".shardstream/bench/api-load",
      paramLabel = "DIR",
      description =
          "Kafka's log, DynamoDB's file, the writer's state, the child processes' logs (cleared"
              + " first). Default: ${DEFAULT-VALUE}.")
  Path workDir;

  @Override
  public Integer call() throws Exception {
    require(clients >= 1, "--clients must be at least 1");
    require(seconds >= 1, "--seconds must be at least 1");
    require(users >= 10, "--users must be at least 10");
    require(writeRate > 0, "--write-rate must be positive");
    require(maxRequests == null || maxRequests >= 1, "--max-requests must be at least 1");
    require(queueWait == null || !queueWait.isNegative(), "--queue-wait must not be negative");
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    ApiLoadBenchmark.Load load =
        new ApiLoadBenchmark.Load(
            clients,
            Duration.ofSeconds(seconds),
            maxRequests == null ? Admission.DEFAULT_REQUESTS : maxRequests,
            queueWait == null ? Admission.DEFAULT_WAIT : queueWait);
    ApiLoadReport report;
    try (ApiLoadStack stack =
        ApiLoadStack.start(
            new ApiLoadStack.Options(users, seed, writeRate, workDir.toAbsolutePath()),
            line -> progress(err, line))) {
      report = new ApiLoadBenchmark(stack, line -> progress(err, line)).run(load, seed + 1);
    }
    ApiLoadReport measured = report;
    chart.write(() -> ApiLoadChart.page(measured), line -> progress(err, line));
    report.details().forEach(out::println);
    out.println(report.line());
    out.flush();
    return report.errors() == 0 && report.serverErrors() == 0 ? 0 : 1;
  }

  private void require(boolean condition, String message) {
    if (!condition) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }

  private static void progress(PrintWriter err, String line) {
    err.println("api-load: " + line);
    err.flush();
  }
}
