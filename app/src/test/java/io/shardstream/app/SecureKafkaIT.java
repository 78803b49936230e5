package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardstream.devstack.Component;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.LocalStack;
import io.shardstream.devstack.LocalStackConfig;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.SecureKafkaEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.dynamo.DynamoDbClients;
import io.shardstream.queryapi.QueryApiServer;
import io.shardstream.queryapi.QueryApiSettings;
import io.shardstream.service.Metrics;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsException;
import io.shardstream.writer.WriterService;
import io.shardstream.writer.WriterSettings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The writer, {@code shardstream ingest file} and the query API's Kafka readers against a Kafka
 * listener that takes only SASL/SCRAM over TLS (the in-process broker's SASL_SSL listener),
 * configured the way an operator configures them: {@code kafka.security.protocol}, {@code
 * kafka.sasl.*} and {@code kafka.ssl.truststore.*} in the services' settings file. Ingest produces
 * a generated file through it, the writer consumes it through it into DynamoDB Local; a wrong
 * password is refused at once with a message saying what to check; no log line carries the
 * password.
 */
@ExtendWith(DevStackExtension.class)
class SecureKafkaIT {
  private static final LoggerContext LOGS = (LoggerContext) LoggerFactory.getILoggerFactory();
  private static final String KAFKA_LOGGER = "org.apache.kafka";

  @TempDir static Path kafkaData;
  private static LocalStack kafka;
  private static SecureKafkaEndpoint secure;

  @BeforeAll
  static void startSecureBroker() {
    kafka =
        LocalStack.start(
            LocalStackConfig.forTests(kafkaData)
                .withComponents(Component.KAFKA)
                .withKafkaSaslSsl(true));
    secure = kafka.endpoints().secureKafka();
  }

  @AfterAll
  static void stopSecureBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void ingestAndWriterWorkThroughSaslSsl(
      DynamoDbEndpoint dynamoDb, RegistryEndpoint registry, @TempDir Path dir) throws Exception {
    String name = "secure-" + UUID.randomUUID().toString().substring(0, 8);
    Path events = generate(dir, 40, 5);
    long lines = Files.readAllLines(events).stream().filter(line -> !line.isBlank()).count();
    Path settings = settingsFile(dir, name, secure, dynamoDb, registry);

    ListAppender<ILoggingEvent> logged = captureLogs();
    try {
      CommandRun imported = importFile(events, settings);
      assertThat(imported.exitCode()).as(imported.err()).isZero();
      assertThat(imported.err()).contains(lines + " events");

      WriterSettings writerSettings = WriterSettings.from(WriterSettings.load(settings, Map.of()));
      try (WriterService writer =
          WriterService.create(writerSettings, Metrics.newRegistry("writer"))) {
        writer.start();
        ProgressWait.until(
                "the writer consumed every event over SASL_SSL",
                () -> writer.metrics().eventsTotal() >= lines)
            .progress("events", () -> writer.metrics().eventsTotal())
            .progress("state", writer::state)
            .stallTimeout(Duration.ofSeconds(120))
            .await();
        assertThat(writer.state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(writer.metrics().eventsTotal()).isEqualTo(lines);
        assertThat(itemCount(dynamoDb, writerSettings.table())).isPositive();
        queryApiReadsKafkaThroughSaslSsl(name, dynamoDb);
      }
      assertThat(logged.list)
          .as("Kafka's clients logged their configuration (the check below reads something)")
          .anyMatch(event -> event.getFormattedMessage().contains("sasl.jaas.config = [hidden]"));
      assertThat(logged.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .noneMatch(line -> line.contains(secure.password()))
          .noneMatch(line -> line.contains(secure.truststorePassword()));
    } finally {
      releaseLogs(logged);
    }
  }

  @Test
  void aWrongPasswordIsRefusedAtOnceWithWhatToCheck(
      DynamoDbEndpoint dynamoDb, RegistryEndpoint registry, @TempDir Path dir) throws Exception {
    String name = "refused-" + UUID.randomUUID().toString().substring(0, 8);
    Path settings =
        settingsFile(dir, name, secure.withPassword("not-the-password"), dynamoDb, registry);

    CommandRun imported = importFile(generate(dir, 2, 1), settings);
    assertThat(imported.exitCode()).as(imported.err()).isEqualTo(UserErrorHandler.USER_ERROR);
    assertThat(imported.err())
        .contains("refused the client", "Authentication failed", "kafka.sasl.jaas.config")
        .doesNotContain("\tat ", "not-the-password");

    WriterSettings writerSettings = WriterSettings.from(WriterSettings.load(settings, Map.of()));
    try (WriterService writer =
        WriterService.create(writerSettings, Metrics.newRegistry("writer"))) {
      assertThatThrownBy(writer::start)
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining(secure.bootstrapServers())
          .hasMessageContaining("Authentication failed")
          .hasMessageContaining("kafka.sasl.jaas.config");
    }
  }

  /**
   * The query API's Kafka clients (the pipeline's Admin, the dead letters' and the change feed's
   * consumers) on the same {@code kafka.*} settings: the writer's lag read over SASL_SSL falls to
   * 0, the dead letters are read to their end, and {@code /v1/changes} opens its stream.
   */
  private static void queryApiReadsKafkaThroughSaslSsl(String name, DynamoDbEndpoint dynamoDb)
      throws Exception {
    Map<String, String> api = new LinkedHashMap<>(QueryApiSettings.defaults());
    secure.clientSettings().forEach((key, value) -> api.put("kafka." + key, value));
    api.put("dynamodb.endpoint", dynamoDb.url().toString());
    api.put("dynamodb.region", DynamoDbEndpoint.REGION);
    api.put("dynamodb.table", name);
    api.put("http.host", "127.0.0.1");
    api.put("http.port", "0");
    api.put("topics.users", name + ".users");
    api.put("topics.emails", name + ".emails");
    api.put("topics.dead-letters", name + ".dlq");
    api.put("pipeline.writer-application-id", name + "-writer");
    try (QueryApiServer server = QueryApiServer.fromSettings(Settings.of(api)).start()) {
      HttpClient http = HttpClient.newHttpClient();
      ProgressWait.until(
              "the query API reads the writer's lag over SASL_SSL",
              () -> json(http, server, "/v1/pipeline").path("totalLag").asLong(-1) == 0)
          .progress("pipeline", () -> json(http, server, "/v1/pipeline"))
          .stallTimeout(Duration.ofSeconds(120))
          .await();
      ProgressWait.until(
              "the query API reads the dead letters over SASL_SSL",
              () -> json(http, server, "/v1/dead-letters").path("caughtUp").asBoolean())
          .stallTimeout(Duration.ofSeconds(120))
          .await();
      ProgressWait.until(
              "the change feed's stream opens over SASL_SSL",
              () -> firstEventOfChanges(http, server).equals("event: ready"))
          .stallTimeout(Duration.ofSeconds(120))
          .await();
    }
  }

  private static JsonNode json(HttpClient http, QueryApiServer server, String path) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(server.localUri().resolve(path)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new ObjectMapper().readTree(response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The first {@code event:} line of a {@code /v1/changes} stream, or the status when not 200. */
  private static String firstEventOfChanges(HttpClient http, QueryApiServer server) {
    try {
      HttpResponse<java.util.stream.Stream<String>> response =
          http.send(
              HttpRequest.newBuilder(server.localUri().resolve("/v1/changes")).build(),
              HttpResponse.BodyHandlers.ofLines());
      try (java.util.stream.Stream<String> lines = response.body()) {
        if (response.statusCode() != 200) {
          return "status " + response.statusCode();
        }
        return lines.filter(line -> line.startsWith("event:")).findFirst().orElse("(none)");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code shardstream generate}: a file of valid events for {@code users} users. */
  private static Path generate(Path dir, int users, int seed) {
    Path events = dir.resolve("events.jsonl");
    CommandRun generated =
        CommandRun.of(
            "generate",
            "--users",
            String.valueOf(users),
            "--seed",
            String.valueOf(seed),
            "--invalid-rate",
            "0",
            "--out",
            events.toString(),
            "--no-progress");
    assertThat(generated.exitCode()).as(generated.err()).isZero();
    return events;
  }

  private static CommandRun importFile(Path events, Path settings) {
    return CommandRun.of(
        "ingest", "file", events.toString(), "--settings", settings.toString(), "--no-progress");
  }

  private static Path settingsFile(
      Path dir,
      String name,
      SecureKafkaEndpoint kafka,
      DynamoDbEndpoint dynamoDb,
      RegistryEndpoint registry)
      throws java.io.IOException {
    Path file = dir.resolve(name + ".properties");
    Files.writeString(file, properties(settings(name, kafka, dynamoDb, registry, dir)));
    return file;
  }

  /** The settings file an operator writes for a SASL_SSL cluster, for writer and ingest alike. */
  private static Map<String, String> settings(
      String name,
      SecureKafkaEndpoint kafka,
      DynamoDbEndpoint dynamoDb,
      RegistryEndpoint registry,
      Path dir) {
    Map<String, String> values = new LinkedHashMap<>();
    kafka.clientSettings().forEach((key, value) -> values.put("kafka." + key, value));
    values.put("kafka.state.dir", dir.resolve("state").toString());
    values.put("kafka.commit.interval.ms", "200");
    values.put("registry.url", registry.url().toString());
    values.put("registry.auto-register", "true");
    values.put("topics.users", name + ".users");
    values.put("topics.emails", name + ".emails");
    values.put("topics.dead-letters", name + ".dlq");
    values.put("application.id", name + "-writer");
    values.put("writer.create-source-topics", "true");
    values.put("dynamodb.endpoint", dynamoDb.url().toString());
    values.put("dynamodb.region", DynamoDbEndpoint.REGION);
    values.put("dynamodb.table", name);
    values.put("http.host", "127.0.0.1");
    values.put("http.port", "0");
    return values;
  }

  /** A properties file; values escaped as java.util.Properties reads them (JAAS quotes, paths). */
  private static String properties(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static long itemCount(DynamoDbEndpoint endpoint, String table) {
    try (DynamoDbClient client =
        DynamoDbClients.create(
            DynamoDbClients.Settings.defaults()
                .withLocalEndpoint(
                    endpoint.url(),
                    DynamoDbEndpoint.REGION,
                    DynamoDbEndpoint.ACCESS_KEY_ID,
                    DynamoDbEndpoint.SECRET_ACCESS_KEY))) {
      AtomicLong count = new AtomicLong();
      client.scanPaginator(b -> b.tableName(table)).forEach(page -> count.addAndGet(page.count()));
      return count.get();
    }
  }

  /** Every log line at INFO and above, Kafka's client configuration dumps included. */
  private static ListAppender<ILoggingEvent> captureLogs() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.setContext(LOGS);
    appender.start();
    LOGS.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    LOGS.getLogger(KAFKA_LOGGER).setLevel(Level.INFO);
    return appender;
  }

  /** Detaches the capture; Kafka's loggers inherit their configured level again. */
  private static void releaseLogs(ListAppender<ILoggingEvent> appender) {
    LOGS.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
    appender.stop();
    LOGS.getLogger(KAFKA_LOGGER).setLevel(null);
  }
}
