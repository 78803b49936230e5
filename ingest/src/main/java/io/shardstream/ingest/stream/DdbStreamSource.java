package io.shardstream.ingest.stream;

import com.amazonaws.services.dynamodbv2.streamsadapter.AmazonDynamoDBStreamsAdapterClient;
import com.amazonaws.services.dynamodbv2.streamsadapter.StreamsSchedulerFactory;
import com.amazonaws.services.dynamodbv2.streamsadapter.polling.DynamoDBStreamsPollingConfig;
import io.shardstream.ingest.DeadLetterSink;
import io.shardstream.ingest.EventSink;
import io.shardstream.ingest.LogOnlyDeadLetterSink;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.CoordinatorConfig;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.coordinator.WorkerStateChangeListener;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.retrieval.RetrievalConfig;

/**
 * The DynamoDB Streams source: a KCL 3 scheduler reading a source table's stream through the
 * DynamoDB Streams Kinesis adapter, each shard's batches forwarded to an {@link EventSink} (records
 * that cannot be events to a {@link DeadLetterSink}) and checkpointed once acknowledged ({@link
 * StreamBatchForwarder}). KCL keeps its leases and checkpoints in DynamoDB tables named after the
 * application, at the same endpoint; CloudWatch metrics are off.
 *
 * <pre>{@code
 * try (EventSink sink = KafkaEventSink.fromSettings(settings);
 *     DeadLetterSink deadLetters = KafkaDeadLetterSink.fromSettings(settings);
 *     DdbStreamSource source = DdbStreamSource.start(config, sink, deadLetters)) {
 *   source.awaitTermination();        // until close() (Ctrl-C) or a delivery failure
 * }
 * }</pre>
 */
public final class DdbStreamSource implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DdbStreamSource.class);
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  private final StreamClients clients;
  private final Scheduler scheduler;
  private final Thread schedulerThread;
  private final StreamSourceStats stats;
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private DdbStreamSource(StreamSourceConfig config, EventSink sink, DeadLetterSink deadLetters) {
    this.clients = StreamClients.create(config.endpoint(), config.region());
    this.stats = new StreamSourceStats();
    try {
      String streamArn = clients.streamArn(config.mapping().table());
      this.scheduler = scheduler(config, streamArn, sink, deadLetters);
    } catch (RuntimeException e) {
      clients.close();
      throw e;
    }
    this.schedulerThread =
        Thread.ofPlatform()
            .name("kcl-scheduler")
            .daemon(true)
            .unstarted(
                () -> {
                  try {
                    scheduler.run();
                  } catch (RuntimeException e) {
                    fail(
                        new StreamSourceException(
                            "the KCL scheduler stopped: " + e.getMessage(), e));
                  } finally {
                    started.completeExceptionally(
                        new StreamSourceException("the stream source stopped before it started"));
                  }
                });
  }

  /**
   * Looks up the table's stream and starts reading it in the background: events to {@code sink},
   * records that cannot be events to {@code deadLetters}.
   *
   * @throws StreamSourceException when the table is missing, has no NEW_AND_OLD_IMAGES stream, or
   *     DynamoDB cannot be reached
   */
  public static DdbStreamSource start(
      StreamSourceConfig config, EventSink sink, DeadLetterSink deadLetters) {
    DdbStreamSource source =
        new DdbStreamSource(
            Objects.requireNonNull(config, "config"),
            Objects.requireNonNull(sink, "sink"),
            Objects.requireNonNull(deadLetters, "deadLetters"));
    source.schedulerThread.start();
    return source;
  }

  /**
   * Like {@link #start(StreamSourceConfig, EventSink, DeadLetterSink)}, with records that cannot be
   * events kept only in the log ({@link LogOnlyDeadLetterSink}): for tests and benchmarks of the
   * event path. Production runs ({@code shardstream ingest ddb-stream}) dead-letter them to Kafka.
   */
  public static DdbStreamSource start(StreamSourceConfig config, EventSink sink) {
    return start(config, sink, new LogOnlyDeadLetterSink());
  }

  private Scheduler scheduler(
      StreamSourceConfig config, String streamArn, EventSink sink, DeadLetterSink deadLetters) {
    Region region = clients.region();
    AmazonDynamoDBStreamsAdapterClient adapter =
        new AmazonDynamoDBStreamsAdapterClient(clients.streams(), region);
    StreamRecordMapper mapper = new StreamRecordMapper(config.mapping(), Clock.systemUTC());
    InitialPositionInStreamExtended position =
        InitialPositionInStreamExtended.newInitialPosition(
            config.fromStart()
                ? InitialPositionInStream.TRIM_HORIZON
                : InitialPositionInStream.LATEST);
    ConfigsBuilder configs =
        new ConfigsBuilder(
            StreamsSchedulerFactory.createSingleStreamTracker(streamArn, position),
            config.applicationName(),
            adapter,
            clients.dynamoDb(),
            clients.cloudWatch(),
            workerId(),
            () ->
                new KclRecordProcessor(
                    new StreamBatchForwarder(mapper, sink, deadLetters, stats, this::fail)));
    KclTimings timings = config.timings();

    CoordinatorConfig coordinator =
        configs
            .coordinatorConfig()
            .parentShardPollIntervalMillis(timings.parentShardPoll().toMillis())
            .shardConsumerDispatchPollIntervalMillis(timings.dispatchPoll().toMillis())
            // The adapter forces it on (and warns): after the first start, leases exist.
            .skipShardSyncAtWorkerInitializationIfLeasesExist(true)
            .workerStateChangeListener(
                new WorkerStateChangeListener() {
                  @Override
                  public void onWorkerStateChange(WorkerState state) {
                    if (state == WorkerState.STARTED) {
                      started.complete(null);
                    }
                  }

                  @Override
                  public void onAllInitializationAttemptsFailed(Throwable e) {
                    fail(
                        new StreamSourceException(
                            "KCL could not initialize: " + e.getMessage(), e));
                  }
                });
    LeaseManagementConfig leases =
        configs
            .leaseManagementConfig()
            .failoverTimeMillis(timings.failover().toMillis())
            .leaseAssignmentIntervalMillis(timings.leaseAssignment().toMillis())
            // The adapter sets this to 0 too, but only after its lease management factory has
            // copied
            // KCL's default (60 s), which the first shard sync then sleeps: a minute lost per
            // start.
            .shardSyncIntervalMillis(0)
            .initialPositionInStream(position);
    DynamoDBStreamsPollingConfig polling = new DynamoDBStreamsPollingConfig(streamArn, adapter);
    polling.idleTimeBetweenReadsInMillis(timings.idleBetweenReads().toMillis());
    RetrievalConfig retrieval = configs.retrievalConfig().retrievalSpecificConfig(polling);
    return StreamsSchedulerFactory.createScheduler(
        configs.checkpointConfig(),
        coordinator,
        leases,
        configs.lifecycleConfig(),
        configs
            .metricsConfig()
            .metricsLevel(MetricsLevel.NONE)
            .metricsFactory(new NullMetricsFactory()),
        configs.processorConfig(),
        retrieval,
        adapter);
  }

  /** Completes when KCL has initialized (leases in place); fails if it stops before. */
  public CompletableFuture<Void> started() {
    return started.copy();
  }

  public StreamSourceStats stats() {
    return stats;
  }

  /** What stopped the source, if it stopped on its own: a delivery failure or a KCL failure. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** Blocks until the source has stopped: after {@link #close()} or a failure. */
  public void awaitTermination() throws InterruptedException {
    schedulerThread.join();
  }

  /**
   * Stops gracefully: KCL ends its shard consumers (every acknowledged batch is already
   * checkpointed) and releases its leases, so another worker can take over at once.
   */
  @Override
  public void close() {
    try {
      if (schedulerThread.isAlive()) {
        stopScheduler();
      }
      schedulerThread.join(SHUTDOWN_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      clients.close();
    }
  }

  private void stopScheduler() throws InterruptedException {
    try {
      if (!scheduler
          .startGracefulShutdown()
          .get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("KCL's graceful shutdown did not complete; stopping it");
        scheduler.shutdown();
      }
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("KCL's graceful shutdown failed ({}); stopping it", e.toString());
      scheduler.shutdown();
    }
  }

  /** The first failure stops the source; KCL's own shutdown runs on another thread. */
  private void fail(Throwable cause) {
    if (failure.compareAndSet(null, cause)) {
      started.completeExceptionally(cause);
      Thread.ofPlatform()
          .name("kcl-stop")
          .daemon(true)
          .start(
              () -> {
                try {
                  stopScheduler();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
    }
  }

  private static String workerId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + ":" + UUID.randomUUID();
  }
}
