package io.shardstream.bench.query;

import io.shardstream.bench.report.Machine;
import io.shardstream.bench.report.chart.ChartOption;
import io.shardstream.dynamo.query.DynamoPartitionReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench query}: the latency of one page of a cross-shard search (16 shards × 2 name indexes,
 * merged k-way) next to one page of a single-partition search, both through core's {@code Searcher}
 * and dynamo's {@code DynamoPartitionReader}, on DynamoDB Local started in this JVM and filled with
 * generated users.
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Search page latency: a 16-shard × 2-index name search (fan-out) next to a "
          + "single-partition search, on DynamoDB Local filled with generated users.",
      "Progress goes to stderr; the report to stdout, ending with",
      "query: fan-out p50 A ms p99 B ms, single p50 C ms p99 D ms, p50 ratio R, reads/item E,"
          + " rounds F",
      "With --vs entity-manager: Entity Manager 6.14's own cross-shard query (node) and ours on"
          + " the same table, searches and page size, interleaved, ending with",
      "query-vs-em: name p50 A ms vs B ms (ratio R1), created p50 C ms vs D ms (ratio R2), exact"
          + " ours yes|no, exact em yes|no"
    })
public final class QueryCommand implements Callable<Integer> {
  /** Which of the configuration's indexes the table gets. */
  enum Indexes {
    all,
    searched
  }

  @Spec CommandSpec spec;

  /** The one reference implementation {@code --vs} knows. */
  static final String ENTITY_MANAGER = "entity-manager";

  @Option(
      names = "--users",
      paramLabel = "N",
      description = "Users to generate and write. Default: 100000; 3000 with --vs.")
  Integer users;

  @Option(
      names = "--vs",
      paramLabel = ENTITY_MANAGER,
      description =
          "Compare with Entity Manager's own query on the same table instead (needs node and"
              + " npm; installs the pinned packages into --node-dir on first use).")
  String vs;

  @Option(
      names = "--node-dir",
      defaultValue = ".shardstream/bench/node-query",
      paramLabel = "DIR",
      description = "Where --vs installs Entity Manager. Default: ${DEFAULT-VALUE}.")
  Path nodeDir;

  @Option(
      names = "--pages",
      defaultValue = "300",
      paramLabel = "N",
      description = "Measured pages per side. Default: ${DEFAULT-VALUE}.")
  int pages;

  @Option(
      names = "--warmup",
      defaultValue = "100",
      paramLabel = "N",
      description =
          "Warm-up pages per side, after the exactness checks (which warm up too). "
              + "Default: ${DEFAULT-VALUE}.")
  int warmup;

  @Option(
      names = "--limit",
      defaultValue = "25",
      paramLabel = "N",
      description = "Page size. Default: ${DEFAULT-VALUE}.")
  int limit;

  @Option(
      names = "--parallelism",
      defaultValue = "32",
      paramLabel = "N",
      description =
          "DynamoDB requests in flight at once (RequestLimit), and HTTP connections pooled. "
              + "Default: ${DEFAULT-VALUE} (one per partition of the fan-out search).")
  int parallelism;

  @Option(
      names = "--depth",
      defaultValue = "10",
      paramLabel = "N",
      description =
          "Pages a session follows with cursors before the next search starts from its first "
              + "page. Default: ${DEFAULT-VALUE}.")
  int depth;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "SEED",
      description = "Seed of the user generator. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--write-concurrency",
      defaultValue = "8",
      paramLabel = "N",
      description = "BatchWriteItem requests in flight while filling. Default: ${DEFAULT-VALUE}.")
  int writeConcurrency;

  @Option(
      names = "--indexes",
      defaultValue = "all",
      paramLabel = "all|searched",
      description =
          "The table's global indexes: all 12 of the seed configuration, or only the 3 the "
              + "searches read (faster to fill). Default: ${DEFAULT-VALUE}.")
  Indexes indexes;

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
          "devstack's data folder (tables are in memory: nothing is written there). "
              + "Default: ${DEFAULT-VALUE}.")
  Path devstackDir;

  @Option(
      names = "--minimum-fetch",
      defaultValue = "" + DynamoPartitionReader.DEFAULT_MINIMUM_FETCH,
      paramLabel = "N",
      description =
          "The fewest items a Query asks for (dynamo's DynamoPartitionReader; 1 = the merger's "
              + "bare even share). Default: ${DEFAULT-VALUE}.")
  int minimumFetch;

  @Override
  public Integer call() {
    validate();
    PrintWriter err = spec.commandLine().getErr();
    double loadAtStart = Machine.loadAverage();
    QueryBenchmark.Settings settings =
        new QueryBenchmark.Settings(
            userCount(),
            seed,
            pages,
            warmup,
            limit,
            parallelism,
            depth,
            writeConcurrency,
            indexes == Indexes.all,
            devstackDir,
            minimumFetch);
    if (vs != null) {
      VsEntityManager.Result result =
          new VsEntityManager(settings, nodeDir, line -> progress(err, line)).run();
      chart.write(
          () ->
              QueryChart.page(
                  result,
                  String.format(
                      Locale.ROOT,
                      "%,d users, %d-item pages, %d measured pages per side and search, interleaved;"
                          + " %d warm-up pages. Machine: %s",
                      settings.users(),
                      settings.limit(),
                      settings.pages(),
                      settings.warmup(),
                      Machine.describe(loadAtStart))),
          line -> progress(err, line));
      PrintWriter out = spec.commandLine().getOut();
      out.print(result.text());
      out.flush();
      return 0;
    }
    QueryReport result = new QueryBenchmark(settings, line -> progress(err, line)).run();
    if (report != null) {
      QueryReportFile.write(report, result);
      progress(err, "report written to " + report);
    }
    chart.write(() -> QueryChart.page(result), line -> progress(err, line));
    PrintWriter out = spec.commandLine().getOut();
    out.print(result.text());
    out.flush();
    return 0;
  }

  private int userCount() {
    return users != null ? users : vs != null ? 3000 : 100000;
  }

  private void validate() {
    require(
        vs == null || vs.equals(ENTITY_MANAGER),
        "--vs must be " + ENTITY_MANAGER + " (the one reference implementation), got " + vs);
    require(userCount() >= 100, "--users must be at least 100");
    require(pages >= 1, "--pages must be at least 1");
    require(warmup >= 0, "--warmup must not be negative");
    require(limit >= 1 && limit <= 1000, "--limit must be 1..1000");
    require(parallelism >= 1, "--parallelism must be at least 1");
    require(depth >= 1, "--depth must be at least 1");
    require(writeConcurrency >= 1, "--write-concurrency must be at least 1");
    require(minimumFetch >= 1, "--minimum-fetch must be at least 1");
  }

  private void require(boolean condition, String message) {
    if (!condition) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }

  private static void progress(PrintWriter err, String line) {
    err.println("query: " + line);
    err.flush();
  }
}
