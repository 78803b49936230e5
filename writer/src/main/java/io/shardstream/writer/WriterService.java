package io.shardstream.writer;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.shardstream.core.config.DelimiterOrder;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.dynamo.DynamoDbClients;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.table.TableCreator;
import io.shardstream.dynamo.write.BatchWriter;
import io.shardstream.dynamo.write.RetryPolicy;
import io.shardstream.schemas.model.IncompatibleModelException;
import io.shardstream.schemas.model.ModelCompatibility;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistrar;
import io.shardstream.schemas.registry.SchemaRegistryUnavailableException;
import io.shardstream.service.CommonSettings;
import io.shardstream.service.HealthCheck;
import io.shardstream.service.Metrics;
import io.shardstream.service.OpsServer;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsException;
import io.shardstream.service.TableReadinessCheck;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.sink.BatchTableWriter;
import io.shardstream.writer.sink.DurableCommitClientSupplier;
import io.shardstream.writer.sink.ThreadSinks;
import io.shardstream.writer.stage.EntityLinks;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The writer as a service: {@link #start()} checks the table (creating it and its indexes from the
 * entity configuration when missing), the topics, then starts Kafka Streams and the ops HTTP server
 * ({@code /health/live}, {@code /health/ready}, {@code /metrics}); {@link #stop()} closes
 * everything. One instance per process; more processes with the same {@code application.id} share
 * the partitions.
 *
 * <pre>{@code
 * WriterService writer = WriterService.create(WriterSettings.load(file, System.getenv()));
 * writer.start();
 * writer.terminated().join();   // ends when Kafka Streams stops for good
 * }</pre>
 */
public final class WriterService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriterService.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final WriterSettings settings;
  private final PrometheusMeterRegistry registry;
  private final WriterMetrics metrics;
  private final CompletableFuture<KafkaStreams.State> terminated = new CompletableFuture<>();
  private DynamoDbClient dynamoDb;
  private KafkaStreams streams;
  private KafkaStreamsMetrics streamsMetrics;
  private OpsServer opsServer;
  private volatile HealthCheck tableCheck;

  private WriterService(WriterSettings settings, PrometheusMeterRegistry registry) {
    this.settings = settings;
    this.registry = registry;
    this.metrics = new WriterMetrics(registry);
  }

  /** A writer with its own Prometheus registry (service tag {@code writer}); not started. */
  public static WriterService create(Settings settings) {
    return create(WriterSettings.from(settings), Metrics.newRegistry("writer"));
  }

  public static WriterService create(WriterSettings settings, PrometheusMeterRegistry registry) {
    return new WriterService(settings, registry);
  }

  /**
   * Prepares the table and topics, then starts consuming. Returns once Kafka Streams is started
   * (not yet RUNNING: see {@code /health/ready} or {@link #state()}).
   *
   * @throws io.shardstream.dynamo.table.TableMismatchException the table exists with another shape
   *     than the configuration needs
   * @throws IllegalStateException a source topic is missing, or a stage topic has the wrong number
   *     of partitions
   */
  public synchronized void start() {
    if (streams != null) {
      throw new IllegalStateException("the writer is already started");
    }
    TableItems items = new TableItems(new EntityManager(settings.entityConfig()));
    settings.registry().ifPresent(this::requireBackwardCompatibleModel);
    dynamoDb = DynamoDbClients.create(clientSettings());
    if (settings.createTable()) {
      TableCreator.EnsuredTable outcome =
          TableCreator.ensure(dynamoDb, settings.table(), settings.entityConfig());
      LOG.info("table '{}': {}", settings.table(), outcome);
    }
    Properties properties = streamsProperties();
    try (Admin admin =
        Admin.create(
            new StreamsConfig(properties).getAdminConfigs(settings.applicationId() + "-topics"))) {
      WriterTopics.ensure(
          admin,
          settings.topics(),
          new EntityLinks(settings.entityConfig()),
          settings.createSourceTopics(),
          settings.sourcePartitions());
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof AuthenticationException refused) {
        // Wrong credentials or truststore: a settings problem, told as one (no stack trace).
        throw new SettingsException(
            CommonSettings.kafkaRefused(
                properties.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG), refused),
            refused);
      }
      throw e;
    }
    BatchWriter batchWriter =
        BatchWriter.builder(dynamoDb, settings.table(), TableKeys.of(settings.entityConfig()))
            .maxConcurrentBatches(settings.maxConcurrentBatches())
            .retryPolicy(RetryPolicy.DEFAULT.withMaxElapsed(settings.writeRetryMaxElapsed()))
            .listener(metrics.dynamoListener())
            .build();
    ThreadSinks threadSinks = new ThreadSinks();
    Topology topology =
        WriterTopology.build(
            new WriterTopology.Dependencies(
                settings.topics(),
                items,
                settings.serdes(),
                new BatchTableWriter(batchWriter),
                metrics,
                settings.futureSkew(),
                settings.flushMaxOps(),
                settings.storeKind(),
                settings.failureBackoff(),
                threadSinks));
    LOG.debug("writer topology:\n{}", topology.describe());

    // The supplier's producers write the sinks' buffers before each transaction commit.
    streams = new KafkaStreams(topology, properties, new DurableCommitClientSupplier(threadSinks));
    streams.setUncaughtExceptionHandler(new WriterExceptionHandler(settings.failureBackoff()));
    streams.setStateListener(
        (next, previous) -> {
          LOG.info("Kafka Streams {} -> {}", previous, next);
          if (next == KafkaStreams.State.ERROR || next == KafkaStreams.State.NOT_RUNNING) {
            terminated.complete(next);
          }
        });
    streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    tableCheck = TableReadinessCheck.cached(dynamoDb, settings.table());
    streams.start();
    Map<String, HealthCheck> readiness = new LinkedHashMap<>();
    readiness.put("kafka-streams", this::checkStreams);
    readiness.put("dynamodb-table", () -> tableCheck.check());
    opsServer = OpsServer.start(settings.httpHost(), settings.httpPort(), registry, readiness);
    LOG.info(
        "writer '{}' started: {} -> table '{}' (DynamoDB {}), dead letters to '{}',"
            + " entity config {}, ops on port {}",
        settings.applicationId(),
        String.join(" + ", settings.topics().sources()),
        settings.table(),
        settings.dynamoDbEndpoint().map(Object::toString).orElse("AWS"),
        settings.topics().deadLetters(),
        settings.entityConfigSource(),
        opsServer.port());
    DelimiterOrder.notice(settings.entityConfig())
        .ifPresent(
            notice -> LOG.warn("entity config {}: {}", settings.entityConfigSource(), notice));
  }

  /**
   * Refuses to start when an entity's derived event schema could not read the events its topic's
   * newest registered schema wrote (the BACKWARD rule): a configuration change that breaks
   * compatibility is refused before anything runs, with every problem named. An unreachable
   * registry does not stop the start (the stages wait for it, see RegistryOutageException): the
   * check is then logged as skipped.
   *
   * @throws SettingsException listing the problems (exit code 2 in {@link WriterMain})
   */
  private void requireBackwardCompatibleModel(RegistrySettings registrySettings) {
    try {
      new ModelCompatibility(new SchemaRegistrar(registrySettings))
          .requireBackward(settings.entityConfig(), settings.topics()::entity);
    } catch (IncompatibleModelException e) {
      throw new SettingsException(
          "entity config " + settings.entityConfigSource() + ": " + e.getMessage(), e);
    } catch (SchemaRegistryUnavailableException e) {
      LOG.warn(
          "the schema registry is unreachable ({}): the BACKWARD check of the entity config's"
              + " event schemas is skipped; events wait for the registry",
          e.getMessage());
    }
  }

  /** Stops consuming (committing what is processed, which writes the sinks); frees everything. */
  public synchronized void stop() {
    if (opsServer != null) {
      opsServer.close();
      opsServer = null;
    }
    if (streams != null) {
      streams.close(CLOSE_TIMEOUT);
      terminated.complete(streams.state());
    }
    if (streamsMetrics != null) {
      streamsMetrics.close();
      streamsMetrics = null;
    }
    if (dynamoDb != null) {
      dynamoDb.close();
      dynamoDb = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Completes with the final state once Kafka Streams stops (ERROR after a fatal failure). */
  public CompletableFuture<KafkaStreams.State> terminated() {
    return terminated;
  }

  /** Kafka Streams' state, or null before {@link #start()}. */
  public KafkaStreams.State state() {
    return streams == null ? null : streams.state();
  }

  /** The ops HTTP port (after {@link #start()}; useful with {@code http.port=0}). */
  public int httpPort() {
    if (opsServer == null) {
      throw new IllegalStateException("the writer is not started");
    }
    return opsServer.port();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public WriterMetrics metrics() {
    return metrics;
  }

  public WriterSettings settings() {
    return settings;
  }

  private HealthCheck.Result checkStreams() {
    KafkaStreams.State state = streams.state();
    return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
        ? HealthCheck.Result.up(state.toString())
        : HealthCheck.Result.down(state.toString());
  }

  private DynamoDbClients.Settings clientSettings() {
    return DynamoDbClients.Settings.defaults()
        // The BatchWriter retries itself; SDK retries would multiply its attempts.
        .withoutSdkRetries()
        .withMaxConnections(Math.max(settings.maxConcurrentBatches() * 2, 8))
        .at(settings.dynamoDbEndpoint(), settings.dynamoDbRegion());
  }

  private Properties streamsProperties() {
    return settings.streamsProperties();
  }
}
