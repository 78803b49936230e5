package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardstream.core.testing.SeedUsers;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.junit.SharedDevStack;
import io.shardstream.dynamo.LocalDynamoDb;
import io.shardstream.queryapi.Http.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Over real HTTP and DynamoDB Local: for random users across the shard bumps, random searches and
 * random page sizes, paging through every page gives exactly the brute-force answer (same order,
 * each user once, every page full but the last), while emails and unchanged users are written to
 * the same table all along.
 */
class SearchPagingIT {
  private static final Logger LOG = LoggerFactory.getLogger(SearchPagingIT.class);
  private static final List<Long> PAGE_MICROS = Collections.synchronizedList(new ArrayList<>());
  private static final AtomicInteger SEARCHES = new AtomicInteger();
  private static final AtomicInteger ITEMS = new AtomicInteger();
  private static DynamoDbEndpoint endpoint;
  private static DynamoDbClient client;

  @BeforeContainer
  static void connect() {
    endpoint = SharedDevStack.dynamoDb();
    client = LocalDynamoDb.client(endpoint);
  }

  @AfterContainer
  static void report() {
    client.close();
    List<Long> sorted = new ArrayList<>(PAGE_MICROS);
    Collections.sort(sorted);
    if (!sorted.isEmpty()) {
      LOG.info(
          String.format(
              Locale.ROOT,
              "%d searches, %d items, %d pages over HTTP: p50 %.1f ms,"
                  + " p95 %.1f ms, max %.1f ms",
              SEARCHES.get(),
              ITEMS.get(),
              sorted.size(),
              sorted.get(sorted.size() / 2) / 1000.0,
              sorted.get(sorted.size() * 95 / 100) / 1000.0,
              sorted.get(sorted.size() - 1) / 1000.0));
    }
  }

  @Property(tries = 20, shrinking = ShrinkingMode.OFF)
  void pagingThroughASearchGivesExactlyItsMatchesInOrder(
      @ForAll("seeds") long seed, @ForAll("queries") List<Map<String, String>> queries)
      throws Exception {
    Random random = new Random(seed);
    List<Map<String, Object>> users =
        Population.users(random, "u" + seed % 1000 + "-", 20 + random.nextInt(41));
    String table = LocalQueryApi.createTable(client, "paging");
    LocalQueryApi.write(client, table, users);
    AtomicBoolean paging = new AtomicBoolean(true);
    Thread writer = Thread.ofVirtual().start(() -> writeAlongside(table, users, paging, seed));
    try (QueryApiServer server = LocalQueryApi.start(endpoint, table, "")) {
      Http http = new Http(server.port());
      for (Map<String, String> query : queries) {
        List<String> expected = UserQueryOracle.expected(query, users);
        List<String> actual = pageThrough(http, query, random, expected.size());
        assertThat(actual)
            .as("query %s over %d users", query, users.size())
            .containsExactlyElementsOf(expected);
        SEARCHES.incrementAndGet();
        ITEMS.addAndGet(actual.size());
      }
    } finally {
      paging.set(false);
      writer.join();
    }
  }

  /** Every page of the query, limits chosen at random page by page; the user ids in order. */
  private static List<String> pageThrough(
      Http http, Map<String, String> query, Random random, int expected) {
    List<String> ids = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      int limit = 1 + random.nextInt(random.nextInt(4) == 0 ? 30 : 4);
      Map<String, String> parameters = new LinkedHashMap<>(query);
      parameters.put("limit", Integer.toString(limit));
      cursor.ifPresent(c -> parameters.put("cursor", c));
      long start = System.nanoTime();
      Reply page = http.get("/v1/users", parameters);
      PAGE_MICROS.add((System.nanoTime() - start) / 1000);
      assertThat(page.status()).as("%s: %s", parameters, page.body()).isEqualTo(200);
      JsonNode items = page.json().get("items");
      items.forEach(item -> ids.add(item.get("userId").asText()));
      cursor = Optional.ofNullable(page.json().get("nextCursor")).map(JsonNode::asText);
      if (cursor.isPresent()) {
        assertThat(items.size()).as("a page before the last is full").isEqualTo(limit);
      }
      JsonNode stats = page.json().get("stats");
      assertThat(stats.get("dynamoRequests").asInt())
          .isGreaterThanOrEqualTo(stats.get("partitionsQueried").asInt());
      assertThat(++pages).as("pages of %s", query).isLessThanOrEqualTo(expected + 1);
    } while (cursor.isPresent());
    return ids;
  }

  /** Emails of the users, and the users again unchanged, written while the searches page. */
  private static void writeAlongside(
      String table, List<Map<String, Object>> users, AtomicBoolean paging, long seed) {
    Random random = new Random(seed ^ 0x5eed);
    int round = 0;
    while (paging.get()) {
      List<Map<String, Object>> batch = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        Map<String, Object> user = users.get(random.nextInt(users.size()));
        batch.add(
            SeedUsers.email(
                "e" + round + "-" + i + "@" + user.get("userId"),
                (String) user.get("userId"),
                Population.INSTANTS.get(random.nextInt(Population.INSTANTS.size()))));
        batch.add(user);
      }
      LocalQueryApi.write(client, table, batch);
      round++;
    }
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs().between(0, Long.MAX_VALUE / 2);
  }

  @Provide
  Arbitrary<List<Map<String, String>>> queries() {
    return query().list().ofMinSize(3).ofMaxSize(5);
  }

  /** A random GET /v1/users query, valid by the documented rules. */
  private Arbitrary<Map<String, String>> query() {
    return Arbitraries.randomValue(
        random -> {
          Map<String, String> query = new LinkedHashMap<>();
          String sort = List.of("created", "updated", "name", "phone", "").get(random.nextInt(5));
          boolean named = (sort.equals("name") || sort.isEmpty()) && random.nextInt(3) > 0;
          if (!sort.isEmpty()) {
            query.put("sort", sort);
          }
          if (named) {
            query.put("name", name(random));
          }
          if (random.nextInt(3) == 0) {
            query.put("beneficiaryId", Population.BENEFICIARIES.get(random.nextInt(3)));
          }
          if (random.nextInt(4) == 0) {
            query.put("phone", "1" + (random.nextBoolean() ? "" : random.nextInt(3)));
          }
          if (random.nextInt(3) == 0) {
            bounds(random, query, "created");
          }
          if (random.nextInt(4) == 0) {
            bounds(random, query, "updated");
          }
          if (random.nextBoolean()) {
            query.put("order", random.nextBoolean() ? "asc" : "desc");
          }
          return query;
        });
  }

  private static String name(Random random) {
    String letters = "aAbBéÉ";
    String word = String.valueOf(letters.charAt(random.nextInt(letters.length())));
    return switch (random.nextInt(4)) {
      case 0 -> word + letters.charAt(random.nextInt(letters.length()));
      case 1 -> word + " " + letters.charAt(random.nextInt(letters.length()));
      default -> word;
    };
  }

  /** From and/or to, in every accepted format, ordered. */
  private static void bounds(Random random, Map<String, String> query, String property) {
    long a =
        Population.INSTANTS.get(random.nextInt(Population.INSTANTS.size())) + random.nextInt(3) - 1;
    long b = Population.INSTANTS.get(random.nextInt(Population.INSTANTS.size()));
    int which = random.nextInt(3);
    if (which != 1) {
      query.put(property + "From", format(Math.min(a, b), random));
    }
    if (which != 0) {
      query.put(property + "To", format(Math.max(a, b), random));
    }
  }

  private static String format(long millis, Random random) {
    return random.nextBoolean() ? Long.toString(millis) : Instant.ofEpochMilli(millis).toString();
  }
}
