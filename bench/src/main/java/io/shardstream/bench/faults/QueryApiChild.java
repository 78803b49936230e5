package io.shardstream.bench.faults;

import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.dynamo.control.ControlTable;
import io.shardstream.queryapi.QueryApiServer;
import io.shardstream.service.CommonSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The query API ({@link QueryApiServer#main}) as a child JVM on a fixed port, SIGKILLed and started
 * again on the same port as a supervisor would. Against DynamoDB Local it signs cursors with the
 * development key, the same in every incarnation, as a shared {@code cursor.key} would be.
 */
public final class QueryApiChild implements AutoCloseable {
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
    return over(dynamoDb, table, work, Map.of());
  }

  /**
   * Like {@link #over(DynamoDbEndpoint, String, Path)}, with more settings ({@code
   * query.requests.max} ...).
   */
  public static QueryApiChild over(
      DynamoDbEndpoint dynamoDb, String table, Path work, Map<String, String> extra) {
    int port = ChildJvm.freePort();
    Path settings = work.resolve("query-api.properties");
    Map<String, String> values = new HashMap<>(extra);
    values.putAll(
        Map.of(
            CommonSettings.HTTP_HOST.key(),
            "127.0.0.1",
            CommonSettings.HTTP_PORT.key(),
            Integer.toString(port),
            CommonSettings.DYNAMODB_ENDPOINT.key(),
            dynamoDb.url().toString(),
            CommonSettings.DYNAMODB_REGION.key(),
            DynamoDbEndpoint.REGION,
            CommonSettings.DYNAMODB_TABLE.key(),
            table,
            CommonSettings.CONTROL_TABLE.key(),
            ControlTable.NONE));
    ChildJvm.writeSettings(settings, values);
    return new QueryApiChild(settings, work, port);
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Starts an incarnation and returns once {@code /health/ready} answers 200. */
  public synchronized void start(ApiClient probe) {
    Path log = work.resolve("query-api-" + ++starts + ".log");
    process = ChildJvm.start("the query API", log, QueryApiServer.class, settings.toString());
    Process started = process;
    ProgressWait.until(
            "the query API ready on port " + port + " (see " + log + ")",
            () -> probe.status(baseUrl().resolve("/health/ready")) == 200)
        .progress("its start-up", ProgressWait.processStartup(started, log))
        .await();
  }

  /** The running incarnation's process id. */
  public synchronized long pid() {
    if (process == null) {
      throw new IllegalStateException("the query API is not running");
    }
    return process.pid();
  }

  /** The running incarnation's log. */
  public synchronized Path log() {
    return work.resolve("query-api-" + starts + ".log");
  }

  /** SIGTERM, then returns once the process is gone. */
  public synchronized void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      process = null;
    }
  }

  /** SIGKILL; returns once the process is gone. */
  synchronized void kill() {
    if (process != null) {
      ChildJvm.kill("the query API", process);
      process = null;
    }
  }

  @Override
  public synchronized void close() {
    if (process != null) {
      process.destroyForcibly();
    }
  }
}
