package io.shardstream.demo;

import io.shardstream.devstack.FileTrees;
import io.shardstream.devstack.LocalStackEndpoints;
import io.shardstream.queryapi.QueryApiServer;
import io.shardstream.queryapi.QueryApiSettings;
import io.shardstream.queryapi.kafka.KafkaConnection;
import io.shardstream.queryapi.ops.OpsSettings;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistrar;
import io.shardstream.service.CommonSettings;
import io.shardstream.service.Settings;
import io.shardstream.writer.WriterService;
import io.shardstream.writer.WriterSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The writer and the query API of {@code shardstream demo}, wired to the local stack, whose
 * registry holds the event schemas before either starts.
 */
final class DemoServices implements AutoCloseable {
  static final String TABLE = "shardstream";

  private final WriterService writer;
  private final QueryApiServer queryApi;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DemoServices(WriterService writer, QueryApiServer queryApi) {
    this.writer = writer;
    this.queryApi = queryApi;
  }

  /**
   * @param keepWriterState whether the writer's local state (its Kafka Streams state stores) from
   *     an earlier run stays: yes when Kafka kept its log, so the writer resumes from its committed
   *     offsets without restoring every store from its changelog; no when Kafka starts empty, as
   *     state from another cluster must not be reused
   */
  static DemoServices start(
      LocalStackEndpoints endpoints,
      Path dataDirectory,
      boolean keepWriterState,
      int writerPort,
      int httpPort) {
    return start(
        endpoints, dataDirectory, keepWriterState, writerPort, httpPort, DemoModel.USER_EMAIL);
  }

  /** As above, running {@code model}. */
  static DemoServices start(
      LocalStackEndpoints endpoints,
      Path dataDirectory,
      boolean keepWriterState,
      int writerPort,
      int httpPort,
      DemoModel model) {
    return start(
        new Stack(
            endpoints.kafkaBootstrapServers(), endpoints.registryUrl(), endpoints.dynamoDbUrl()),
        dataDirectory,
        keepWriterState,
        writerPort,
        httpPort,
        Map.of(),
        Map.of(),
        model);
  }

  /** Where the services find the local stack. */
  record Stack(String kafkaBootstrapServers, URI registryUrl, URI dynamoDbUrl) {}

  /**
   * As above, with settings of the writer and of the query API over the demo's (tests: their own
   * table, application id and topics on a shared stack).
   */
  static DemoServices start(
      Stack endpoints,
      Path dataDirectory,
      boolean keepWriterState,
      int writerPort,
      int httpPort,
      Map<String, String> writerOverrides,
      Map<String, String> queryApiOverrides) {
    return start(
        endpoints,
        dataDirectory,
        keepWriterState,
        writerPort,
        httpPort,
        writerOverrides,
        queryApiOverrides,
        DemoModel.USER_EMAIL);
  }

  /** As above, running {@code model}: its schemas registered, its config for both services. */
  static DemoServices start(
      Stack endpoints,
      Path dataDirectory,
      boolean keepWriterState,
      int writerPort,
      int httpPort,
      Map<String, String> writerOverrides,
      Map<String, String> queryApiOverrides,
      DemoModel model) {
    Path writerState = dataDirectory.resolve("writer-state");
    if (!keepWriterState) {
      try {
        FileTrees.delete(writerState);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + writerState, e);
      }
    }
    // As a deployment does before its producers start: they only look schemas up (no
    // registry.auto-register), so `ingest` and `generate` against the demo's stack work as they
    // would against a real one, from the first event on.
    model.registerSchemas(
        new SchemaRegistrar(RegistrySettings.production(endpoints.registryUrl())));
    Map<String, String> modelConfig = new HashMap<>();
    model
        .writeConfig(dataDirectory)
        .ifPresent(file -> modelConfig.put(CommonSettings.ENTITY_CONFIG.key(), file.toString()));
    Map<String, String> writerSettings = new HashMap<>(WriterSettings.defaults());
    writerSettings.putAll(
        Map.of(
            "kafka.bootstrap.servers", endpoints.kafkaBootstrapServers(),
            "kafka.state.dir", writerState.toString(),
            // Static membership: a restarted demo takes its old place in the consumer group at
            // once. Otherwise the group waits for the previous run's member to time out (45 s)
            // before the
            // writer gets its tasks back, since Kafka Streams does not leave the group on close.
            "kafka.group.instance.id", "shardstream-demo-writer",
            "registry.url", endpoints.registryUrl().toString(),
            "dynamodb.endpoint", endpoints.dynamoDbUrl().toString(),
            "dynamodb.table", TABLE,
            "writer.create-source-topics", "true",
            "http.port", Integer.toString(writerPort)));
    writerSettings.putAll(modelConfig);
    writerSettings.putAll(writerOverrides);
    WriterService writer = WriterService.create(Settings.of(writerSettings));
    writer.start();
    Map<String, String> apiSettings = new HashMap<>(QueryApiSettings.defaults());
    apiSettings.putAll(
        Map.of(
            "dynamodb.endpoint",
            endpoints.dynamoDbUrl().toString(),
            "dynamodb.table",
            TABLE,
            "http.port",
            Integer.toString(httpPort),
            // The console's live, dead letters and pipeline views: the writer's Kafka (its change
            // feed, dead letters and lag), the registry that decodes the original events, and the
            // writer's ops server.
            KafkaConnection.BOOTSTRAP.key(),
            endpoints.kafkaBootstrapServers(),
            OpsSettings.REGISTRY.key(),
            endpoints.registryUrl().toString(),
            OpsSettings.WRITER_URLS.key(),
            "http://localhost:" + writer.httpPort()));
    apiSettings.putAll(modelConfig);
    apiSettings.putAll(queryApiOverrides);
    QueryApiServer queryApi;
    try {
      queryApi = QueryApiServer.fromSettings(Settings.of(apiSettings)).start();
    } catch (RuntimeException e) {
      writer.close();
      throw e;
    }
    return new DemoServices(writer, queryApi);
  }

  int writerPort() {
    return writer.httpPort();
  }

  URI queryApiUri() {
    return queryApi.localUri();
  }

  /** Events the writer has accounted for: applied, stale, duplicate or dead-lettered. */
  long writerEventsAccounted() {
    return writer.metrics().eventsTotal();
  }

  /** Waits until the writer has accounted for every event sent (or two minutes pass). */
  void awaitWriter(long sent, PrintWriter out) throws InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
    long accounted = 0;
    while (System.nanoTime() < deadline) {
      accounted = writer.metrics().eventsTotal();
      if (accounted >= sent) {
        break;
      }
      Thread.sleep(250);
    }
    out.println(
        "Writer accounted for "
            + accounted
            + " of "
            + sent
            + " events (applied, stale, "
            + "duplicate or dead-lettered; see http://localhost:"
            + writer.httpPort()
            + "/metrics)");
  }

  /** Idempotent: the try-with-resources and the stack's shutdown path both close it. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      queryApi.close();
      writer.close();
    }
  }

  @Override
  public String toString() {
    return "the demo's writer and query API";
  }
}
