package io.shardstream.queryapi;

import io.javalin.Javalin;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.query.CursorCodec;
import io.shardstream.dynamo.DynamoDbClients;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.control.ControlRecord;
import io.shardstream.dynamo.control.ControlTable;
import io.shardstream.dynamo.query.DynamoItemLookup;
import io.shardstream.dynamo.query.DynamoPartitionReader;
import io.shardstream.dynamo.query.RequestLimit;
import io.shardstream.queryapi.changes.ChangeBuffer;
import io.shardstream.queryapi.changes.ChangeFeedSettings;
import io.shardstream.queryapi.changes.KafkaChangeSource;
import io.shardstream.queryapi.ops.Operations;
import io.shardstream.queryapi.ops.OpsSettings;
import io.shardstream.service.EntityConfigLoader;
import io.shardstream.service.Metrics;
import io.shardstream.service.Settings;
import io.shardstream.service.TableReadinessCheck;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The query API on DynamoDB, as a service with a start and a stop.
 *
 * <pre>{@code
 * QueryApiServer server = QueryApiServer.fromSettings(QueryApiSettings.load(file)).start();
 * server.port();   // the bound port (http.port 0 picks a free one)
 * server.stop();   // or close(); idempotent
 * }</pre>
 *
 * <p>It builds its own DynamoDB client from the settings and closes it on stop, unless given one,
 * which then stays the caller's.
 */
public final class QueryApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QueryApiServer.class);

  private static final String SERVICE = "query-api";

  private final QueryApiSettings settings;
  private final DynamoDbClient client;
  private final boolean ownsClient;
  private final ExecutorService fanOut = Executors.newVirtualThreadPerTaskExecutor();
  private final PrometheusMeterRegistry registry = Metrics.newRegistry(SERVICE);
  private final RequestLimit limit;
  private final CursorCodec cursors;
  private final QueryMetrics metrics;
  private final ActiveTable active;
  private final ControlPoller poller;
  private final Operations operations;
  private final Optional<ChangeBuffer> changeFeed;
  private final Optional<KafkaChangeSource> changeSource;
  private final Javalin app;
  private boolean started;
  private boolean stopped;

  /**
   * A server with its own DynamoDB client, built from the settings; no dead letters or pipeline.
   */
  public QueryApiServer(QueryApiSettings settings) {
    this(settings, OpsSettings.NONE);
  }

  /** A server with its own DynamoDB client, showing what {@code ops} connects it to. */
  public QueryApiServer(QueryApiSettings settings, OpsSettings ops) {
    this(settings, createClient(settings), true, ops);
  }

  /** A server on the caller's DynamoDB client, which it does not close. */
  public QueryApiServer(QueryApiSettings settings, DynamoDbClient client) {
    this(settings, client, false, OpsSettings.NONE);
  }

  private QueryApiServer(
      QueryApiSettings settings, DynamoDbClient client, boolean ownsClient, OpsSettings ops) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = Objects.requireNonNull(client, "client");
    this.ownsClient = ownsClient;
    this.limit = new RequestLimit(settings.parallelism());
    this.cursors = new CursorCodec(settings.cursorKey().bytes());
    this.metrics = new QueryMetrics(registry, limit::inFlight);
    Optional<ControlTable> control =
        settings.controlTable().map(name -> new ControlTable(client, name));
    Optional<ControlRecord> record = control.flatMap(QueryApiServer::readAtStart);
    // Without a control record (none written yet) the settings say what to serve.
    this.active =
        new ActiveTable(
            record
                .map(this::served)
                .orElseGet(() -> served(settings.table(), settings.entityConfig())));
    this.poller =
        control
            .map(
                table ->
                    new ControlPoller(
                        table,
                        active,
                        this::served,
                        settings.controlPollInterval(),
                        record.map(ControlRecord::revision).orElse(0L)))
            .orElse(null);
    if (poller != null) {
      Gauge.builder("shardstream.query.control.revision", poller::appliedRevision)
          .description("revision of the control record the active table came from (0: none)")
          .register(registry);
    }
    ChangeFeedSettings changes = settings.changeFeed();
    this.changeFeed = changes.kafka().map(kafka -> new ChangeBuffer(changes.buffer()));
    this.changeSource =
        changeFeed.map(
            buffer ->
                new KafkaChangeSource(changes.kafka().orElseThrow(), changes.topic(), buffer));
    changeFeed.ifPresent(
        buffer ->
            Gauge.builder("shardstream.query.changes.buffered", buffer::size)
                .description("recent changes held for /v1/changes streams")
                .register(registry));
    this.operations = Operations.of(ops);
    this.app =
        QueryApi.create(
            active,
            settings.apiKeys(),
            settings.maxLimit(),
            settings.admission(),
            registry,
            config ->
                settings
                    .https()
                    .ifPresent(
                        keystore -> keystore.install(config, settings.host(), settings.port())),
            operations,
            changeFeed,
            changes);
  }

  /**
   * The control record now, or empty when DynamoDB cannot be asked: the server then starts on the
   * settings' table (answering 503 while DynamoDB is unreachable) and its poller applies the record
   * once it can read it.
   */
  private static Optional<ControlRecord> readAtStart(ControlTable control) {
    try {
      return control.read();
    } catch (SdkException e) {
      LOG.warn(
          "cannot read the control record from table {} at start ({}); serving the"
              + " configured table until it can",
          control.name(),
          e.getMessage());
      return Optional.empty();
    }
  }

  /** A server from settings as {@link QueryApiSettings#load} reads them. */
  public static QueryApiServer fromSettings(Settings settings) {
    return new QueryApiServer(
        QueryApiSettings.from(settings), QueryApiSettings.operations(settings));
  }

  /** Binds the port and serves; returns this for chaining. */
  public synchronized QueryApiServer start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    if (settings.cursorKey().development()) {
      LOG.warn(
          "*** cursor.key is not set: cursors are signed with the PUBLIC DEVELOPMENT KEY and"
              + " can be forged. Set cursor.key ({}) to base64 of 32 random bytes for anything but "
              + "local development. ***",
          Settings.envName(QueryApiSettings.CURSOR_KEY));
    }
    app.start(settings.host(), settings.port());
    if (poller != null) {
      poller.start();
    }
    operations.start();
    changeSource.ifPresent(KafkaChangeSource::start);
    ServedTable served = active.current();
    LOG.info(
        "query-api listening on {}://{}:{} (table {}, DynamoDB {}, config {} version {}, max "
            + "limit {}, {} DynamoDB requests in parallel, {} requests in progress at most, {},"
            + " {})",
        scheme(),
        settings.host(),
        port(),
        served.table(),
        settings.dynamoDbEndpoint().map(URI::toString).orElse("AWS"),
        settings
            .controlTable()
            .map(t -> "from control table " + t)
            .orElse(settings.entityConfigSource()),
        served.configVersion(),
        settings.maxLimit(),
        settings.parallelism(),
        settings.admission().requests(),
        settings.apiKeys().required()
            ? settings.apiKeys().size() + " API keys"
            : "no API keys: open to every caller",
        operations.settings().kafkaConfigured()
            ? "dead letters from "
                + operations.settings().deadLetterTopic()
                + ", live changes from "
                + settings.changeFeed().topic()
            : "no Kafka: no live changes, dead letters or pipeline view");
    return this;
  }

  /** The port bound (after {@link #start()}). */
  public int port() {
    return app.port();
  }

  /** {@code http://localhost:<port>} ({@code https} with a keystore), for clients here. */
  public URI localUri() {
    return URI.create(scheme() + "://localhost:" + port());
  }

  private String scheme() {
    return settings.https().isPresent() ? "https" : "http";
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public QueryApiSettings settings() {
    return settings;
  }

  /** The table answering requests now (it changes when the control record does). */
  public String activeTable() {
    return active.current().table();
  }

  /**
   * Reads the control record now and switches if it changed, instead of waiting for the next poll;
   * false without a control table.
   */
  public boolean refreshControl() {
    return poller != null && poller.poll();
  }

  /** Stops serving, then releases the client (if owned) and the fan-out threads. Idempotent. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (poller != null) {
      poller.close();
    }
    // First: it ends the open change streams, which app.stop() would otherwise wait for.
    changeSource.ifPresent(KafkaChangeSource::close);
    app.stop();
    operations.close();
    fanOut.shutdownNow();
    if (ownsClient) {
      client.close();
    }
    registry.close();
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Runs the query API until the process is stopped.
   *
   * @param args optionally one settings file (properties or YAML); environment variables {@code
   *     SHARDSTREAM_*} override it
   */
  public static void main(String[] args) {
    if (args.length > 1) {
      System.err.println("usage: QueryApiServer [settings-file]");
      System.exit(2);
    }
    QueryApiServer server =
        fromSettings(QueryApiSettings.load(args.length == 1 ? Path.of(args[0]) : null)).start();
    Runtime.getRuntime()
        .addShutdownHook(Thread.ofPlatform().name("query-api-stop").unstarted(server::stop));
  }

  private ServedTable served(ControlRecord record) {
    EntityConfig config;
    try {
      config = EntityConfigLoader.text("the control record", record.config()).config();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "the control record's configuration does not load: " + e.getMessage(), e);
    }
    return served(record.table(), config);
  }

  private ServedTable served(String table, EntityConfig config) {
    TableKeys keys = TableKeys.of(config);
    QueryBackend backend =
        new QueryBackend(
            new EntityManager(config),
            new DynamoPartitionReader(client, table, keys, limit),
            new DynamoItemLookup(client, table, keys, limit)::find,
            fanOut,
            TableReadinessCheck.cached(client, table),
            limit::inFlight);
    return ServedTable.of(table, backend, cursors, metrics);
  }

  static DynamoDbClient createClient(QueryApiSettings settings) {
    return DynamoDbClients.create(
        DynamoDbClients.Settings.defaults()
            // Every request waits for a permit first, so the pool never needs more connections.
            .withMaxConnections(settings.parallelism())
            .at(settings.dynamoDbEndpoint(), settings.dynamoDbRegion()));
  }
}
