package io.shardstream.bench.query;

import io.shardstream.bench.BenchException;
import io.shardstream.bench.items.UserItem;
import io.shardstream.bench.report.Machine;
import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.query.CursorCodec;
import io.shardstream.core.query.PartitionQuery;
import io.shardstream.core.query.PartitionReader;
import io.shardstream.core.query.QueryException;
import io.shardstream.core.query.QueryPlan;
import io.shardstream.core.query.QueryPlanner;
import io.shardstream.core.query.Searcher;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.query.DynamoPartitionReader;
import io.shardstream.dynamo.query.RequestLimit;
import io.shardstream.dynamo.table.TableDefinition;
import io.shardstream.schemas.ExampleConfigs;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One {@code bench query} run: generate users, start DynamoDB Local, create and fill the table,
 * check both searches end to end, warm up, then measure pages of both sides interleaved.
 */
final class QueryBenchmark {
  /**
   * Name prefixes the fan-out side searches in turn: a few hundred to a few thousand users each.
   */
  static final List<String> PREFIXES =
      List.of("smi", "mic", "gar", "bro", "and", "lew", "kow", "ng", "kim", "ben");

  /** The indexes the two searches read (the table may get only these). */
  static final Set<String> SEARCHED_INDEXES = Set.of("firstName", "lastName", "created");

  /**
   * @param allIndexes the table gets every index of the configuration, not only the searched ones
   * @param devstackDir devstack's data folder (unused with in-memory tables, but required)
   */
  record Settings(
      int users,
      long seed,
      int pages,
      int warmup,
      int limit,
      int parallelism,
      int depth,
      int writeConcurrency,
      boolean allIndexes,
      Path devstackDir,
      int minimumFetch) {}

  private final Settings settings;
  private final Consumer<String> progress;

  QueryBenchmark(Settings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
  }

  QueryReport run() {
    long start = System.nanoTime();
    double loadAtStart = Machine.loadAverage();
    EntityConfig config = ConfigLoader.parse(ExampleConfigs.userEmail());
    EntityManager manager = new EntityManager(config);
    SearchSide.NameSearch fanOut = new SearchSide.NameSearch(PREFIXES);
    SearchSide single = new SearchSide.CreatedSearch();
    QueryPlan fanOutPlan = plan(manager, fanOut);
    QueryPlan singlePlan = plan(manager, single);
    if (singlePlan.partitions().size() != 1) {
      throw new BenchException(
          "the single-partition search plans "
              + singlePlan.partitions().size()
              + " partitions: did the seed configuration's shard bumps change?");
    }
    int shards =
        (int) fanOutPlan.partitions().stream().map(PartitionQuery::hashKeyValue).distinct().count();
    int fanOutIndexes = fanOutPlan.indexes().size();

    progress.accept(
        String.format(
            Locale.ROOT, "generating %,d users (seed %d) ...", settings.users(), settings.seed()));
    List<UserItem> users = new SearchUserGenerator(settings.seed()).generate(settings.users());

    progress.accept("starting DynamoDB Local (devstack, in memory, a free port) ...");
    try (QueryTable table = QueryTable.start(config, settings.devstackDir());
        DynamoDbClient writeClient = table.writeClient(settings.writeConcurrency() + 2);
        DynamoDbClient readClient = table.readClient(settings.parallelism() + 2);
        ExecutorService fanOutExecutor = Executors.newVirtualThreadPerTaskExecutor()) {
      TableDefinition definition =
          table.create(writeClient, settings.allIndexes() ? Set.of() : SEARCHED_INDEXES);
      progress.accept(
          String.format(
              Locale.ROOT,
              "table %s with %d global indexes at %s; writing %,d users ...",
              definition.tableName(),
              definition.globalIndexes().size(),
              table.endpoint().url(),
              users.size()));
      FillResult fill =
          table.fill(
              writeClient,
              users,
              settings.writeConcurrency(),
              line -> progress.accept("fill: " + line));
      progress.accept("fill: " + QueryReport.describe(fill));

      RequestLimit requestLimit = new RequestLimit(settings.parallelism());
      PartitionReader reader =
          new DynamoPartitionReader(
              readClient,
              QueryTable.TABLE_NAME,
              TableKeys.of(config),
              requestLimit,
              true,
              settings.minimumFetch());
      byte[] cursorKey = new byte[32];
      new SecureRandom().nextBytes(cursorKey);
      Searcher searcher = new Searcher(manager, reader, new CursorCodec(cursorKey), fanOutExecutor);

      progress.accept("checking both searches page by page to their end ...");
      List<String> checks = new ArrayList<>();
      for (SearchSide side : List.of(fanOut, single)) {
        ExactnessCheck.Result result =
            ExactnessCheck.run(searcher, side, 0, settings.limit(), users);
        checks.add(result.describe());
        progress.accept("check " + result.describe());
      }

      PageWalker fanOutWalker =
          new PageWalker(searcher, fanOut, settings.limit(), settings.depth());
      PageWalker singleWalker =
          new PageWalker(searcher, single, settings.limit(), settings.depth());
      if (settings.warmup() > 0) {
        progress.accept(
            String.format(Locale.ROOT, "warm-up: %,d pages per side ...", settings.warmup()));
        interleave(
            fanOutWalker, singleWalker, settings.warmup(), new ArrayList<>(), new ArrayList<>());
      }
      progress.accept(
          String.format(
              Locale.ROOT, "measuring %,d pages per side, interleaved ...", settings.pages()));
      List<PageSample> fanOutSamples = new ArrayList<>();
      List<PageSample> singleSamples = new ArrayList<>();
      interleave(fanOutWalker, singleWalker, settings.pages(), fanOutSamples, singleSamples);

      QuerySetup setup =
          new QuerySetup(
              settings.users(),
              settings.seed(),
              describeData(users),
              describeTable(definition, table),
              fill,
              shards,
              fanOutIndexes,
              fanOut.describe() + " (users found: " + fanOut.describeMatches(users) + ")",
              single.describe(),
              settings.limit(),
              settings.warmup(),
              settings.pages(),
              settings.depth(),
              settings.parallelism(),
              describeClient(settings),
              checks,
              Machine.describe(loadAtStart));
      return new QueryReport(
          setup,
          SideStats.of(SearchSide.FAN_OUT, fanOutSamples),
          SideStats.of(SearchSide.SINGLE, singleSamples),
          Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /**
   * {@code pages} pages of each side, alternating which goes first (fan-out, single, single,
   * fan-out, ...) so both meet the same machine noise in the same positions.
   */
  private void interleave(
      PageWalker fanOut,
      PageWalker single,
      int pages,
      List<PageSample> fanOutSamples,
      List<PageSample> singleSamples) {
    int step = Math.max(1, pages / 4);
    for (int i = 0; i < pages; i++) {
      if (i % 2 == 0) {
        fanOutSamples.add(fanOut.next());
        singleSamples.add(single.next());
      } else {
        singleSamples.add(single.next());
        fanOutSamples.add(fanOut.next());
      }
      if ((i + 1) % step == 0 && i + 1 < pages) {
        progress.accept(String.format(Locale.ROOT, "  %,d of %,d", i + 1, pages));
      }
    }
  }

  private static QueryPlan plan(EntityManager manager, SearchSide side) {
    try {
      return QueryPlanner.plan(manager, side.request(0, 25));
    } catch (QueryException e) {
      throw new BenchException("cannot plan the " + side.name() + " search: " + e.getMessage(), e);
    }
  }

  static String describeData(List<UserItem> users) {
    long bump16 = SearchUserGenerator.YEAR_2025.toEpochMilli();
    long bump4 = SearchUserGenerator.YEAR_2024.toEpochMilli();
    long in16 = users.stream().filter(u -> u.created() >= bump16).count();
    long in4 = users.stream().filter(u -> u.created() >= bump4 && u.created() < bump16).count();
    long before = users.size() - in16 - in4;
    return String.format(
        Locale.ROOT,
        "created in 2025 (16-shard bump): %,d; in 2024 (4 shards): %,d; in 2023 (unsharded): %,d;"
            + " names from %d first and %d last names, long-tailed",
        in16,
        in4,
        before,
        SearchUserGenerator.FIRST_NAMES.size(),
        SearchUserGenerator.LAST_NAMES.size());
  }

  private static String describeTable(TableDefinition definition, QueryTable table) {
    return String.format(
        Locale.ROOT,
        "%s, %d global indexes (projection ALL), seed config user-email; DynamoDB Local%s in "
            + "this JVM (devstack), in memory, %s",
        definition.tableName(),
        definition.globalIndexes().size(),
        Machine.dynamoDbLocalVersion().map(v -> " " + v).orElse(""),
        table.endpoint().url());
  }

  private static String describeClient(Settings settings) {
    int parallelism = settings.parallelism();
    return String.format(
        Locale.ROOT,
        "sync SDK v2 client on Apache HttpClient 5 (dynamo DynamoDbClients), %d pooled"
            + " connections, SDK retries on; at most %d Query requests in flight"
            + " (RequestLimit); first reads of a page on virtual threads, one per partition;"
            + " filters pushed down; reads of at least %d items; name prefixes sent as BETWEEN"
            + " the prefix and its successor",
        parallelism + 2,
        parallelism,
        settings.minimumFetch());
  }
}
