package io.shardstream.app;

import io.shardstream.devstack.LocalStackEndpoints;
import io.shardstream.queryapi.QueryApiServer;
import io.shardstream.queryapi.QueryApiSettings;
import io.shardstream.service.Settings;
import io.shardstream.writer.WriterService;
import io.shardstream.writer.WriterSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The writer and the query API of {@code shardstream demo}, wired to the local stack. */
final class DemoServices implements AutoCloseable {
  static final String TABLE = "shardstream";

  private final WriterService writer;
  private final QueryApiServer queryApi;

  private DemoServices(WriterService writer, QueryApiServer queryApi) {
    this.writer = writer;
    this.queryApi = queryApi;
  }

  static DemoServices start(LocalStackEndpoints endpoints, Path dataDirectory, int writerPort,
      int httpPort) {
    Map<String, String> writerSettings = new HashMap<>(WriterSettings.defaults());
    writerSettings.putAll(Map.of(
        "kafka.bootstrap.servers", endpoints.kafkaBootstrapServers(),
        // The broker starts empty each run: so does the writer's local state.
        "kafka.state.dir", dataDirectory.resolve("writer-state").toString(),
        "registry.url", endpoints.registryUrl().toString(),
        "dynamodb.endpoint", endpoints.dynamoDbUrl().toString(),
        "dynamodb.table", TABLE,
        "writer.create-source-topics", "true",
        "http.port", Integer.toString(writerPort)));
    Directories.deleteRecursively(dataDirectory.resolve("writer-state"));
    WriterService writer = WriterService.create(Settings.of(writerSettings));
    writer.start();
    Map<String, String> apiSettings = new HashMap<>(QueryApiSettings.defaults());
    apiSettings.putAll(Map.of(
        "dynamodb.endpoint", endpoints.dynamoDbUrl().toString(),
        "dynamodb.table", TABLE,
        "http.port", Integer.toString(httpPort)));
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
    out.println("Writer accounted for " + accounted + " of " + sent + " events (applied, stale, "
        + "duplicate or dead-lettered; see http://localhost:" + writer.httpPort() + "/metrics)");
  }

  @Override
  public void close() {
    queryApi.close();
    writer.close();
  }

}
