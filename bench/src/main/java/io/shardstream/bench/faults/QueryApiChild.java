package io.shardstream.bench.faults;

import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.queryapi.QueryApiServer;
import io.shardstream.queryapi.QueryApiSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The query API ({@link QueryApiServer#main}) as a child JVM on a fixed port, SIGKILLed and started
 * again on the same port as a supervisor would. Against DynamoDB Local it signs cursors with the
 * development key, the same in every incarnation, as a shared {@code cursor.key} would be.
 */
final class QueryApiChild implements AutoCloseable {
  private final Path settings;
  private final Path work;
  private final int port;
  private Process process;
  private int starts;

  private QueryApiChild(Path settings, Path work, int port) {
    this.settings = settings;
    this.work = work;
    this.port = port;
  }

  /** Prepares (does not start) a query API over {@code table} of {@code dynamoDb}. */
  static QueryApiChild over(DynamoDbEndpoint dynamoDb, String table, Path work) {
    int port = freePort();
    Properties properties = new Properties();
    properties.putAll(
        Map.of(
            QueryApiSettings.HTTP_HOST,
            "127.0.0.1",
            QueryApiSettings.HTTP_PORT,
            Integer.toString(port),
            QueryApiSettings.DYNAMODB_ENDPOINT,
            dynamoDb.url().toString(),
            QueryApiSettings.DYNAMODB_REGION,
            DynamoDbEndpoint.REGION,
            QueryApiSettings.DYNAMODB_TABLE,
            table,
            QueryApiSettings.CONTROL_TABLE,
            QueryApiSettings.NO_CONTROL_TABLE));
    Path settings = work.resolve("query-api.properties");
    try {
      Files.createDirectories(work);
      try (Writer out = Files.newBufferedWriter(settings, StandardCharsets.UTF_8)) {
        properties.store(out, "bench faults");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + settings, e);
    }
    return new QueryApiChild(settings, work, port);
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Starts an incarnation and returns once {@code /health/ready} answers 200. */
  synchronized void start(ApiClient probe) {
    Path log = work.resolve("query-api-" + ++starts + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                QueryApiServer.class.getName(),
                settings.toString()));
    builder.environment().keySet().removeIf(name -> name.startsWith("SHARDSTREAM_"));
    try {
      process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the query API's process", e);
    }
    Process started = process;
    ProgressWait.until(
            "the query API ready on port " + port + " (see " + log + ")",
            () -> probe.status(baseUrl().resolve("/health/ready")) == 200)
        .progress("its start-up", ProgressWait.processStartup(started, log))
        .await();
  }

  /** SIGKILL; returns once the process is gone. */
  synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the query API's process survived SIGKILL");
      }
      process = null;
    }
  }

  @Override
  public synchronized void close() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
