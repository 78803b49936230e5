package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardstream.core.canonical.Canonicalizer;
import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.DelimiterOrder;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.dynamo.control.ControlTable;
import io.shardstream.ingest.generate.EventGenerator;
import io.shardstream.ingest.generate.GeneratedEvent;
import io.shardstream.ingest.generate.GeneratorOptions;
import io.shardstream.ingest.kafka.KafkaEventSink;
import io.shardstream.queryapi.QueryApiServer;
import io.shardstream.queryapi.QueryApiSettings;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.service.ConsumerLag;
import io.shardstream.service.Metrics;
import io.shardstream.service.Settings;
import io.shardstream.writer.WriterService;
import io.shardstream.writer.WriterSettings;
import io.shardstream.writer.replay.ReplayRun;
import io.shardstream.writer.replay.ReplayService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Replay end to end on the real stack: a writer on the seed config with Entity Manager's key
 * delimiter ({@code |}) fills table A; the query API follows a control table pointing at A; {@code
 * shardstream replay} with the shipped seed config (delimiter {@code ,}, natural name order) plus a
 * later user shard bump is killed (SIGKILL, in its own JVM) half way, run again to resume, caught
 * up, verified, cut over; the query API answers the same searches from B, lists names in natural
 * order there, then rolls back to A. So a table moves to another key delimiter by replay.
 */
@ExtendWith(DevStackExtension.class)
class ReplayIT {
  private static final Logger LOG = LoggerFactory.getLogger(ReplayIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The shipped seed config with Entity Manager's key delimiter: keys as Entity Manager's. */
  private static final String CONFIG_A =
      ExampleConfigs.userEmail()
          .replace(
              "\"generatedKeyDelimiter\": \"" + DelimiterOrder.NATURAL + "\"",
              "\"generatedKeyDelimiter\": \"|\"");

  /** The shipped seed config (natural name order) plus a later user bump: 64 user shards. */
  private static final String CONFIG_B =
      ExampleConfigs.userEmail()
          .replace(
              "{ \"timestamp\": 1735689600000, \"charBits\": 2, \"chars\": 2 }\n      ],\n"
                  + "      \"canonicalize\"",
              "{ \"timestamp\": 1735689600000, \"charBits\": 2, \"chars\": 2 },\n"
                  + "        { \"timestamp\": 1767225600000, \"charBits\": 2, \"chars\": 3 }\n"
                  + "      ],\n"
                  + "      \"canonicalize\"");

  private record Run(int exitCode, String out, String err) {}

  @Test
  void replaysResumesAfterAKillVerifiesCutsOverAndRollsBack(
      KafkaEndpoint kafka, DynamoDbEndpoint dynamoDb, RegistryEndpoint registry, @TempDir Path dir)
      throws Exception {
    assertThat(CONFIG_B).isNotEqualTo(CONFIG_A).contains("{ \"timestamp\": 1767225600000");
    assertThat(ConfigLoader.parse(CONFIG_A).generatedKeyDelimiter()).isEqualTo("|");
    assertThat(ConfigLoader.parse(CONFIG_B).generatedKeyDelimiter())
        .isEqualTo(DelimiterOrder.NATURAL);
    String name = "replay" + UUID.randomUUID().toString().substring(0, 6);
    String tableA = name + "-a";
    String tableB = name + "-b";
    String control = name + "-control";
    Map<String, String> values = new LinkedHashMap<>(WriterSettings.defaults());
    values.put("application.id", name + "-writer");
    values.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    values.put("kafka.state.dir", dir.resolve("state").toString());
    values.put("kafka.commit.interval.ms", "200");
    values.put("kafka.consumer.max.poll.records", "100");
    // A SIGKILLed member leaves the group when its session expires: keep that short.
    values.put("kafka.session.timeout.ms", "6000");
    values.put("kafka.heartbeat.interval.ms", "1500");
    values.put("registry.url", registry.url().toString());
    values.put("writer.create-source-topics", "true");
    values.put("dynamodb.endpoint", dynamoDb.url().toString());
    values.put("dynamodb.region", DynamoDbEndpoint.REGION);
    values.put("dynamodb.table", tableA);
    values.put("http.host", "127.0.0.1");
    values.put("http.port", "0");
    values.put("writer.failure-backoff", "1s");
    values.put("control.table", control);
    Path configA = dir.resolve("config-a.json");
    Files.writeString(configA, CONFIG_A);
    values.put("entity.config", configA.toString());
    // The live writer's settings, as the runbook's `--settings writer.properties`.
    Path settingsFile = dir.resolve("writer.properties");
    StringBuilder text = new StringBuilder();
    values.forEach(
        (k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
    Files.writeString(settingsFile, text);
    Path configB = dir.resolve("config-b.json");
    Files.writeString(configB, CONFIG_B);
    WriterSettings writerSettings = WriterSettings.from(Settings.of(values));

    try (WriterService writer = WriterService.create(writerSettings, Metrics.newRegistry("w"));
        Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
        DynamoDbClient client = ReplayService.client(writerSettings)) {
      writer.start();
      long produced = produce(kafka, registry);
      List<String> sources = List.of(Topics.USERS.name(), Topics.EMAILS.name());
      long total = ConsumerLag.read(admin, name + "-writer", sources).endOffsets(sources);
      LOG.info("produced {} events; {} records on the source topics", produced, total);
      assertThat(produced).isGreaterThan(1_500);
      ProgressWait.awaitProgress(
          "writer A consumed all " + total + " records",
          "writer A's events",
          () -> writer.metrics().eventsTotal(),
          () -> writer.metrics().eventsTotal() >= total);
      assertThat(writer.state()).isEqualTo(KafkaStreams.State.RUNNING);

      // The runbook from the first migration on: no control record yet, so the query API serves
      // the table and configuration its settings name (the live writer's).
      Run noCutOver = run("replay", "status", "--settings", settingsFile.toString());
      assertThat(noCutOver.exitCode()).as(noCutOver.err()).isZero();
      assertThat(noCutOver.out()).contains("no cut-over yet", control);
      assertThat(new ControlTable(client, control).read()).isEmpty();

      Map<String, String> api = new LinkedHashMap<>(QueryApiSettings.defaults());
      api.put("http.host", "127.0.0.1");
      api.put("http.port", "0");
      api.put("dynamodb.endpoint", dynamoDb.url().toString());
      api.put("dynamodb.table", tableA);
      api.put("entity.config", configA.toString());
      api.put("control.table", control);
      api.put("control.poll.interval", "200ms");
      try (QueryApiServer server = QueryApiServer.fromSettings(Settings.of(api)).start()) {
        assertThat(server.activeTable()).isEqualTo(tableA);
        List<JsonNode> before = allUsers(server);
        assertThat(before).hasSizeGreaterThan(100);

        // A replay killed half way (SIGKILL: no commit, no close)...
        String group = ReplayRun.applicationId(name + "-writer", tableB);
        Path forkedLog = dir.resolve("replay-killed.log");
        Process forked = fork(forkedLog, settingsFile, configB, tableB);
        try {
          // Before it commits anything, the forked JVM's start-up (alive, log growing) is progress.
          ProgressWait.awaitProgress(
              "the forked replay committed a fifth of " + total + " records, log " + forkedLog,
              "its committed lag and start-up",
              () ->
                  List.of(
                      "lag " + ConsumerLag.read(admin, group, sources).lag(sources),
                      ProgressWait.processStartup(forked, forkedLog).get()),
              () -> {
                ConsumerLag lag = ConsumerLag.read(admin, group, sources);
                long done = total - lag.lag(sources);
                // Killed with a good part committed and a good part left to do.
                return done >= total / 5 && lag.lag(sources) > 0;
              });
          assertThat(forked.isAlive()).as("the replay is still running when killed").isTrue();
          forked.destroyForcibly();
          assertThat(forked.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
          forked.destroyForcibly();
        }
        long lagAfterKill = ConsumerLag.read(admin, group, sources).lag(sources);
        LOG.info("replay killed with {} of {} source records left", lagAfterKill, total);
        assertThat(lagAfterKill).isPositive();

        // ... runs again under the same application id, resumes, verifies, cuts over, and
        // follows: it goes on as table B's writer.
        StringWriter replayOut = new StringWriter();
        StringWriter replayErr = new StringWriter();
        CompletableFuture<Integer> following = new CompletableFuture<>();
        Thread follower =
            Thread.ofPlatform()
                .name("replay-follow")
                .start(
                    () -> {
                      CommandLine cli = ShardstreamCommand.newCommandLine();
                      cli.setOut(new PrintWriter(replayOut, true));
                      cli.setErr(new PrintWriter(replayErr, true));
                      following.complete(
                          cli.execute(
                              "replay",
                              "--settings",
                              settingsFile.toString(),
                              "--config",
                              configB.toString(),
                              "--table",
                              tableB,
                              "--no-progress",
                              "--sample",
                              "300",
                              "--stable-for",
                              "PT2S",
                              "--follow"));
                    });
        ProgressWait.awaitProgress(
            "the resumed replay is following",
            "its output and committed lag",
            () ->
                List.of(
                    replayOut.toString().length() + replayErr.toString().length(),
                    "lag " + ConsumerLag.read(admin, group, sources).lag(sources)),
            () -> replayOut.toString().contains("following:") || following.isDone());
        Run replay =
            new Run(
                following.isDone() ? following.join() : 0,
                replayOut.toString(),
                replayErr.toString());
        LOG.info("replay output:\n{}{}", replay.out(), replay.err());
        assertThat(following).as(replay.err()).isNotDone();
        assertThat(replay.out())
            .contains(
                "verification passed",
                "300 items compared in full",
                "cut-over: control table " + control + " -> table " + tableB);
        // Resumed under the same group: Kafka Streams starts from the killed run's committed
        // offsets (its EOS recovery of stores without a checkpoint may re-process more; whole-state
        // writes make that harmless, and the verification above is what proves the table).
        assertThat(replay.out()).containsPattern("caught up: \\d+ events");

        awaitActiveTable(server, tableB);
        assertThat(health(server)).contains(tableB);
        List<JsonNode> after = allUsers(server);
        // The generator's delimiter-in-id users hold ',': a plain id under A's '|', refused under
        // B's ',' (the one difference a new delimiter makes to what is valid).
        List<JsonNode> keyableUnderB =
            before.stream()
                .filter(u -> !u.get("userId").asText().contains(DelimiterOrder.NATURAL))
                .toList();
        assertThat(keyableUnderB).hasSizeLessThan(before.size());
        assertThat(after).as("same search results from table B").isEqualTo(keyableUnderB);
        assertThat(allUsers(server, "&sort=name"))
            .as("table B lists names naturally: last, first, created, userId")
            .isEqualTo(naturalNameOrder(after));

        // Items are read from B: a user deleted from A only is still there.
        String userId = before.get(0).get("userId").asText();
        deleteUser(client, tableA, userId);
        assertThat(status(server, "/v1/users/" + userId)).isEqualTo(200);

        // New events after the cut-over reach B through the follower (and A through its writer).
        produce(kafka, registry, 12, 7_070_707L);
        ProgressWait.awaitProgress(
            "new users reach table B",
            "the follower's committed offsets",
            () -> {
              ConsumerLag lag = ConsumerLag.read(admin, group, sources);
              return lag.endOffsets(sources) - lag.lag(sources);
            },
            () -> userCount(server) > after.size());
        follower.interrupt();
        assertThat(following.get(60, TimeUnit.SECONDS)).as(replayErr.toString()).isZero();

        Run status = run("replay", "status", "--settings", settingsFile.toString());
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("table " + tableB, "previous " + tableA);

        // The first cut-over recorded what it replaced: table A with A's configuration.
        Run rollback = run("replay", "rollback", "--settings", settingsFile.toString());
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out())
            .contains(
                "rolled back: table "
                    + tableA
                    + " (config version "
                    + ConfigLoader.parse(CONFIG_A).version()
                    + "), previous "
                    + tableB);
        awaitActiveTable(server, tableA);
        assertThat(status(server, "/v1/users/" + userId)).as("read from A again").isEqualTo(404);
      }
    }
  }

  /** A few thousand generated events into the standard source topics; returns how many. */
  private static long produce(KafkaEndpoint kafka, RegistryEndpoint registry) {
    return produce(kafka, registry, 450, 6_060_606L);
  }

  private static long produce(
      KafkaEndpoint kafka, RegistryEndpoint registry, int users, long seed) {
    GeneratorOptions options = GeneratorOptions.defaults().withUsers(users).withSeed(seed);
    long sent = 0;
    try (KafkaEventSink sink =
        KafkaEventSink.create(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            ChangeEventSerdes.registry(RegistrySettings.development(registry.url())))) {
      EventGenerator generator = new EventGenerator(options);
      List<java.util.concurrent.CompletableFuture<Void>> pending = new ArrayList<>();
      while (generator.hasNext()) {
        GeneratedEvent event = generator.next();
        pending.add(sink.send(event.record()));
        sent++;
      }
      sink.flush();
      pending.forEach(java.util.concurrent.CompletableFuture::join);
    }
    return sent;
  }

  private static Process fork(Path log, Path settings, Path config, String table) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                ShardstreamCommand.class.getName(),
                "replay",
                "--settings",
                settings.toString(),
                "--config",
                config.toString(),
                "--table",
                table,
                "--no-progress"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("SHARDSTREAM_"));
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return builder.start();
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ShardstreamCommand.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Every user, page by page, in the API's global order (created, then userId). */
  private static List<JsonNode> allUsers(QueryApiServer server) throws Exception {
    return allUsers(server, "");
  }

  /** The users sorted by canonical last name, canonical first name, created, userId. */
  private static List<JsonNode> naturalNameOrder(List<JsonNode> users) {
    Comparator<String> utf8 =
        (a, b) ->
            Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    return users.stream()
        .sorted(
            Comparator.comparing(
                    (JsonNode u) -> Canonicalizer.canonicalize(u.get("lastName").asText()), utf8)
                .thenComparing(u -> Canonicalizer.canonicalize(u.get("firstName").asText()), utf8)
                .thenComparing(u -> u.get("created").asLong(), Comparator.naturalOrder())
                .thenComparing(u -> u.get("userId").asText(), utf8))
        .toList();
  }

  /** Every user of the search {@code query} ({@code &sort=...}), page by page. */
  private static List<JsonNode> allUsers(QueryApiServer server, String query) throws Exception {
    List<JsonNode> users = new ArrayList<>();
    String cursor = null;
    do {
      String path =
          "/v1/users?limit=100"
              + query
              + (cursor == null
                  ? ""
                  : "&cursor="
                      + java.net.URLEncoder.encode(
                          cursor, java.nio.charset.StandardCharsets.UTF_8));
      HttpResponse<String> response = get(server, path);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode page = JSON.readTree(response.body());
      page.get("items").forEach(users::add);
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
    } while (cursor != null);
    return users;
  }

  private static int userCount(QueryApiServer server) {
    try {
      return allUsers(server).size();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String health(QueryApiServer server) throws Exception {
    return get(server, "/health/ready").body();
  }

  private static int status(QueryApiServer server, String path) throws Exception {
    return get(server, path).statusCode();
  }

  private static HttpResponse<String> get(QueryApiServer server, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Deletes every item of the user from the table (under whichever key it has there). */
  private static void deleteUser(DynamoDbClient client, String table, String userId) {
    int deleted = 0;
    for (Map<String, AttributeValue> item :
        client
            .scanPaginator(
                b ->
                    b.tableName(table)
                        .filterExpression("userId = :u AND attribute_not_exists(email)")
                        .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(userId))))
            .items()) {
      client.deleteItem(
          b ->
              b.tableName(table)
                  .key(Map.of("hashKey", item.get("hashKey"), "rangeKey", item.get("rangeKey"))));
      deleted++;
    }
    assertThat(deleted).isEqualTo(1);
  }

  /**
   * The query API polls the control table every 200 ms: nothing else moves while it switches, so
   * the wait is for the active table to change within the stall timeout.
   */
  private static void awaitActiveTable(QueryApiServer server, String table) {
    ProgressWait.awaitProgress(
        "query API on table " + table,
        "its active table",
        server::activeTable,
        () -> server.activeTable().equals(table));
  }
}
