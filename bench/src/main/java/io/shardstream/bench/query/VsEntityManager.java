package io.shardstream.bench.query;

import io.shardstream.bench.BenchException;
import io.shardstream.bench.items.UserItem;
import io.shardstream.bench.keys.EntityManagerConfig;
import io.shardstream.bench.report.Percentiles;
import io.shardstream.core.canonical.Canonicalizer;
import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.query.CursorCodec;
import io.shardstream.core.query.RangeCondition;
import io.shardstream.core.query.SearchPage;
import io.shardstream.core.query.SearchRequest;
import io.shardstream.core.query.Searcher;
import io.shardstream.core.query.TimeWindow;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.query.DynamoPartitionReader;
import io.shardstream.dynamo.query.RequestLimit;
import io.shardstream.schemas.ExampleConfigs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code bench query --vs entity-manager}: one table on DynamoDB Local, searched by Entity Manager
 * 6.14's own {@code query} (in node) and by shardstream's Searcher with the same searches and page
 * size, pages interleaved; each side's pages are also checked against an independent sorted model
 * of the generated users.
 *
 * <p>The searches, over every shard of the seed configuration (1 + 4 + 16 hash keys): a name prefix
 * over the firstName and lastName indexes (prefixes in turn), and the created index over all of
 * 2023–2025. Entity Manager sorts each page by {@code sortOrder} (last name, first name, created,
 * userId for the name search; created, userId), which is the closest its API comes to a global
 * order.
 */
final class VsEntityManager {
  static final TimeWindow ALL =
      new TimeWindow(
          SearchUserGenerator.YEAR_2023.toEpochMilli(),
          SearchUserGenerator.YEAR_2026.toEpochMilli() - 1);

  /** What each side measured on one search. */
  record Side(
      String name,
      double p50Ms,
      double p99Ms,
      double pagesPerSecond,
      double readsPerItem,
      double queriesPerPage) {
    String describe() {
      return String.format(
          Locale.ROOT,
          "%-15s p50 %7.1f ms  p99 %7.1f ms  %7.1f pages/s  %5.2f items read per item returned"
              + "  %5.1f Query calls per page",
          name,
          p50Ms,
          p99Ms,
          pagesPerSecond,
          readsPerItem,
          queriesPerPage);
    }
  }

  record Result(
      List<String> lines,
      Side emName,
      Side oursName,
      Side emCreated,
      Side oursCreated,
      boolean oursExact,
      boolean emExact) {
    String resultLine() {
      return "query-vs-em: name p50 "
          + oneDecimal(emName.p50Ms())
          + " ms vs "
          + oneDecimal(oursName.p50Ms())
          + " ms (ratio "
          + ratio(emName.p50Ms(), oursName.p50Ms())
          + "), created p50 "
          + oneDecimal(emCreated.p50Ms())
          + " ms vs "
          + oneDecimal(oursCreated.p50Ms())
          + " ms (ratio "
          + ratio(emCreated.p50Ms(), oursCreated.p50Ms())
          + "), exact ours "
          + (oursExact ? "yes" : "no")
          + ", exact em "
          + (emExact ? "yes" : "no");
    }

    String text() {
      StringBuilder out = new StringBuilder();
      lines.forEach(line -> out.append(line).append('\n'));
      out.append(resultLine()).append('\n');
      return out.toString();
    }
  }

  private final QueryBenchmark.Settings settings;
  private final Path nodeFolder;
  private final Consumer<String> progress;

  VsEntityManager(QueryBenchmark.Settings settings, Path nodeFolder, Consumer<String> progress) {
    this.settings = settings;
    this.nodeFolder = nodeFolder;
    this.progress = progress;
  }

  Result run() {
    EntityConfig config = ConfigLoader.parse(ExampleConfigs.userEmail());
    EntityManager manager = new EntityManager(config);
    int limit = settings.limit();
    List<UserItem> users = new SearchUserGenerator(settings.seed()).generate(settings.users());
    List<String> prefixes = QueryBenchmark.PREFIXES;
    List<String> lines = new ArrayList<>();
    progress.accept("starting DynamoDB Local (devstack, in memory, a free port) ...");
    try (QueryTable table = QueryTable.start(config, settings.devstackDir());
        DynamoDbClient writeClient = table.writeClient(settings.writeConcurrency() + 2);
        DynamoDbClient readClient = table.readClient(settings.parallelism() + 2);
        ExecutorService fanOut = Executors.newVirtualThreadPerTaskExecutor()) {
      table.create(
          writeClient,
          settings.allIndexes() ? java.util.Set.of() : QueryBenchmark.SEARCHED_INDEXES);
      FillResult fill =
          table.fill(
              writeClient, users, settings.writeConcurrency(), l -> progress.accept("fill: " + l));
      lines.add(
          String.format(
              Locale.ROOT,
              "bench query --vs entity-manager: %,d users (seed %d), page size %d, every shard"
                  + " (21 hash keys); %s",
              users.size(),
              settings.seed(),
              limit,
              QueryReport.describe(fill)));
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Searcher searcher =
          new Searcher(
              manager,
              new DynamoPartitionReader(
                  readClient,
                  QueryTable.TABLE_NAME,
                  TableKeys.of(config),
                  new RequestLimit(settings.parallelism()),
                  true,
                  settings.minimumFetch()),
              new CursorCodec(key),
              fanOut);
      try (EntityManagerQueryProcess em =
          EntityManagerQueryProcess.start(
              nodeFolder,
              EntityManagerConfig.fromShardstream(ExampleConfigs.userEmail()),
              table.endpoint().url().toString(),
              QueryTable.TABLE_NAME,
              DynamoDbEndpoint.REGION,
              DynamoDbEndpoint.ACCESS_KEY_ID,
              DynamoDbEndpoint.SECRET_ACCESS_KEY,
              progress)) {
        progress.accept("checking both sides' pages against the sorted model ...");
        List<String> nameModel = nameModel(users, prefixes.get(0));
        List<String> createdModel = createdModel(users);
        boolean oursName = oursExact(searcher, nameRequest(prefixes.get(0), limit), nameModel);
        boolean oursCreated = oursExact(searcher, createdRequest(limit), createdModel);
        boolean emName =
            emExact(p -> em.namePage(prefixes.get(0), ALL.from(), ALL.to(), limit, p), nameModel);
        boolean emCreated =
            emExact(p -> em.createdPage(ALL.from(), ALL.to(), limit, p), createdModel);
        lines.add(
            String.format(
                Locale.ROOT,
                "exact (every item once, in the model's order; ours also full pages): name '%s'"
                    + " (%,d users) ours %s, em %s; created (%,d users) ours %s, em %s",
                prefixes.get(0),
                nameModel.size(),
                yesNo(oursName),
                yesNo(emName),
                createdModel.size(),
                yesNo(oursCreated),
                yesNo(emCreated)));

        progress.accept(
            String.format(
                Locale.ROOT,
                "warm-up %d and %d measured pages per side and search, interleaved ...",
                settings.warmup(),
                settings.pages()));
        Side[] name = measure("name", searcher, em, limit, prefixes);
        Side[] created = measure("created", searcher, em, limit, List.of());
        lines.add(
            "method: Entity Manager "
                + em.libraryVersion()
                + " query() in node (timed inside node around query), shard query function"
                + " issuing getDocumentQueryArgs' Query (one per index × hash key, Limit = page"
                + " size, ExclusiveStartKey = page key) with typed values (entity-client-dynamodb"
                + " 0.2.10 sends between values as strings, which the numeric created key"
                + " rejects); shardstream Searcher over DynamoPartitionReader (timed around"
                + " search); sessions of up to "
                + settings.depth()
                + " pages; percentiles nearest-rank");
        lines.add("name:    " + name[0].describe());
        lines.add("name:    " + name[1].describe());
        lines.add("created: " + created[0].describe());
        lines.add("created: " + created[1].describe());
        return new Result(
            lines,
            name[0],
            name[1],
            created[0],
            created[1],
            oursName && oursCreated,
            emName && emCreated);
      }
    }
  }

  /** Warm-up, then measured pages of both sides interleaved; [entity-manager, shardstream]. */
  private Side[] measure(
      String search,
      Searcher searcher,
      EntityManagerQueryProcess em,
      int limit,
      List<String> prefixes) {
    List<Long> emNanos = new ArrayList<>();
    List<Long> ourNanos = new ArrayList<>();
    // [items read, items returned, Query calls]
    long[] emRead = new long[3];
    long[] ourRead = new long[3];
    int session = 0;
    int inSession = 0;
    Optional<String> cursor = Optional.empty();
    Optional<String> pageKeyMap = Optional.empty();
    int total = settings.warmup() + settings.pages();
    for (int i = 0; i < total; i++) {
      boolean measured = i >= settings.warmup();
      String prefix = prefixes.isEmpty() ? "" : prefixes.get(session % prefixes.size());
      SearchRequest request =
          search.equals("name") ? nameRequest(prefix, limit) : createdRequest(limit);
      EntityManagerQueryProcess.Page emPage = null;
      SearchPage ourPage = null;
      long ourTime = 0;
      for (int turn = 0; turn < 2; turn++) {
        boolean emFirst = i % 2 == 0;
        if ((turn == 0) == emFirst) {
          emPage =
              search.equals("name")
                  ? em.namePage(prefix, ALL.from(), ALL.to(), limit, pageKeyMap)
                  : em.createdPage(ALL.from(), ALL.to(), limit, pageKeyMap);
        } else {
          long start = System.nanoTime();
          ourPage = searcher.search(request, cursor);
          ourTime = System.nanoTime() - start;
        }
      }
      if (measured) {
        emNanos.add(Math.round(emPage.millis() * 1e6));
        ourNanos.add(ourTime);
        emRead[0] += emPage.scanned();
        emRead[1] += emPage.ids().size();
        emRead[2] += emPage.queries();
        ourRead[0] += ourPage.stats().itemsRead();
        ourRead[1] += ourPage.items().size();
        ourRead[2] += ourPage.stats().readRequests();
      }
      inSession++;
      if (inSession >= settings.depth() || ourPage.cursor().isEmpty() || emPage.ids().isEmpty()) {
        session++;
        inSession = 0;
        cursor = Optional.empty();
        pageKeyMap = Optional.empty();
      } else {
        cursor = ourPage.cursor();
        pageKeyMap = Optional.of(emPage.pageKeyMap());
      }
    }
    return new Side[] {
      side("entity-manager", emNanos, emRead), side("shardstream", ourNanos, ourRead)
    };
  }

  private static Side side(String name, List<Long> nanos, long[] read) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    double mean = Percentiles.mean(sorted);
    return new Side(
        name,
        Percentiles.nearestRank(sorted, 50) / 1e6,
        Percentiles.nearestRank(sorted, 99) / 1e6,
        1e9 / mean,
        read[1] == 0 ? Double.NaN : (double) read[0] / read[1],
        sorted.length == 0 ? Double.NaN : (double) read[2] / sorted.length);
  }

  static SearchRequest nameRequest(String prefix, int limit) {
    return SearchRequest.builder("user")
        .index("firstName", new RangeCondition.Prefix(Map.of("firstNameCanonical", prefix)))
        .index("lastName", new RangeCondition.Prefix(Map.of("lastNameCanonical", prefix)))
        .window(ALL)
        .limit(limit)
        .build();
  }

  static SearchRequest createdRequest(int limit) {
    return SearchRequest.builder("user").index("created").window(ALL).limit(limit).build();
  }

  /**
   * The name search's users in order, from the generated users alone: by the name matched (last
   * name first on the same name), then the other name, created and userId.
   */
  static List<String> nameModel(List<UserItem> users, String prefix) {
    record Hit(String matched, int byFirst, String other, long created, String id) {}
    Comparator<Hit> order =
        Comparator.comparing(Hit::matched, VsEntityManager::compareUtf8)
            .thenComparingInt(Hit::byFirst)
            .thenComparing(Hit::other, VsEntityManager::compareUtf8)
            .thenComparingLong(Hit::created)
            .thenComparing(Hit::id, VsEntityManager::compareUtf8);
    List<Hit> hits = new ArrayList<>();
    for (UserItem user : users) {
      if (user.created() < ALL.from() || user.created() > ALL.to()) {
        continue;
      }
      String first = Canonicalizer.canonicalize(user.firstName());
      String last = Canonicalizer.canonicalize(user.lastName());
      Hit byLast =
          last.startsWith(prefix) ? new Hit(last, 0, first, user.created(), user.userId()) : null;
      Hit byFirst =
          first.startsWith(prefix) ? new Hit(first, 1, last, user.created(), user.userId()) : null;
      Hit best =
          byLast == null || (byFirst != null && order.compare(byFirst, byLast) < 0)
              ? byFirst
              : byLast;
      if (best != null) {
        hits.add(best);
      }
    }
    hits.sort(order);
    return hits.stream().map(Hit::id).toList();
  }

  /** The created search's users in order: by created, then userId. */
  static List<String> createdModel(List<UserItem> users) {
    return users.stream()
        .filter(u -> u.created() >= ALL.from() && u.created() <= ALL.to())
        .sorted(
            Comparator.comparingLong(UserItem::created)
                .thenComparing(UserItem::userId, VsEntityManager::compareUtf8))
        .map(UserItem::userId)
        .toList();
  }

  /** Pages to the end: every page full but the last, the items those of the model, in order. */
  private static boolean oursExact(Searcher searcher, SearchRequest request, List<String> model) {
    List<String> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    boolean full = true;
    do {
      SearchPage page = searcher.search(request, cursor);
      page.items().forEach(item -> seen.add((String) item.get("userId")));
      cursor = page.cursor();
      full &= cursor.isEmpty() || page.items().size() == request.limit();
    } while (cursor.isPresent() && seen.size() <= model.size());
    return full && seen.equals(model);
  }

  /** Pages until Entity Manager returns nothing: the items those of the model, in order. */
  private static boolean emExact(
      java.util.function.Function<Optional<String>, EntityManagerQueryProcess.Page> next,
      List<String> model) {
    List<String> seen = new ArrayList<>();
    Optional<String> pageKeyMap = Optional.empty();
    for (int pages = 0; pages <= model.size() + 1; pages++) {
      EntityManagerQueryProcess.Page page = next.apply(pageKeyMap);
      if (page.ids().isEmpty()) {
        break;
      }
      seen.addAll(page.ids());
      pageKeyMap = Optional.of(page.pageKeyMap());
    }
    return seen.equals(model);
  }

  /** DynamoDB's string order: by UTF-8 bytes (written here, independent of core's). */
  static int compareUtf8(String a, String b) {
    return java.util.Arrays.compareUnsigned(
        a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  private static String oneDecimal(double millis) {
    return BigDecimal.valueOf(millis).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  private static String ratio(double em, double ours) {
    BigDecimal a = BigDecimal.valueOf(em).setScale(1, RoundingMode.HALF_UP);
    BigDecimal b = BigDecimal.valueOf(ours).setScale(1, RoundingMode.HALF_UP);
    if (b.signum() <= 0) {
      throw new BenchException("shardstream's p50 rounds to 0 ms: measure more pages");
    }
    return a.divide(b, 2, RoundingMode.HALF_UP).toPlainString();
  }
}
