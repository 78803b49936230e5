package io.shardstream.devstack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local infrastructure for shardstream without Docker: a KRaft Kafka broker and DynamoDB Local in
 * this JVM, Apicurio Registry as a child process.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(LocalStackConfig.defaults())) {
 *     String bootstrap = stack.endpoints().kafkaBootstrapServers();
 *     URI dynamo = stack.endpoints().dynamoDbUrl();
 *     ...
 * }
 * }</pre>
 *
 * <p>Start-up checks every fixed port and the registry's prerequisites first, then (for a
 * {@linkplain LocalStackConfig#fresh() fresh} start) deletes the data earlier runs kept, then
 * starts Kafka, DynamoDB Local and the registry; the registry boots in its own process while the
 * others start. {@link #stop()} (also run by {@link #close()} and by a JVM shutdown hook) stops
 * them in reverse order. If any component fails to start, those already started are stopped again.
 */
public final class LocalStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  private final LocalStackConfig config;
  private final List<ManagedComponent> started = new ArrayList<>();
  private final Deque<AutoCloseable> dependents = new ArrayDeque<>();
  private final Thread shutdownHook = new Thread(this::stopQuietly, "devstack-shutdown");
  private KafkaBroker kafka;
  private DynamoDbLocalServer dynamoDb;
  private RegistryServer registry;
  private LocalStackEndpoints endpoints;
  private boolean stopped;

  private LocalStack(LocalStackConfig config) {
    this.config = config;
  }

  /**
   * Starts the configured components and returns once all of them serve requests.
   *
   * @throws PortInUseException a configured port is taken
   * @throws JdkNotFoundException the registry is wanted and no Java 21+ runtime was found
   * @throws DevStackException a component failed to start (message names it)
   */
  public static LocalStack start(LocalStackConfig config) {
    DevStackLogging.routeJulToSlf4j();
    LocalStack stack = new LocalStack(config);
    stack.startAll();
    return stack;
  }

  public LocalStackConfig config() {
    return config;
  }

  public LocalStackEndpoints endpoints() {
    return endpoints;
  }

  /**
   * Registers something that uses this stack (a service connected to it) to be closed before the
   * components stop, however the stop comes: {@link #close()}, {@link #stop()} or the JVM shutdown
   * hook. JVM shutdown hooks run concurrently, so without this the stack's hook could stop Kafka
   * under a consumer that is still committing. Closed newest first; closing twice must be harmless.
   */
  public synchronized void closeBeforeStopping(AutoCloseable dependent) {
    dependents.push(dependent);
  }

  /**
   * Closes the registered dependents, then stops every started component, newest first. Idempotent.
   */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    while (!dependents.isEmpty()) {
      AutoCloseable dependent = dependents.pop();
      try {
        dependent.close();
      } catch (Exception e) {
        log.warn("{} did not close cleanly", dependent, e);
      }
    }
    for (int i = started.size() - 1; i >= 0; i--) {
      ManagedComponent component = started.get(i);
      long begin = System.nanoTime();
      try {
        component.stop();
        log.debug("{} stopped in {} ms", component.component().displayName(), millisSince(begin));
      } catch (RuntimeException e) {
        log.warn("{} did not stop cleanly", component.component().displayName(), e);
      }
    }
    started.clear();
    removeShutdownHook();
  }

  @Override
  public void close() {
    stop();
  }

  private synchronized void startAll() {
    List<ManagedComponent> components = createComponents();
    components.forEach(ManagedComponent::preflight);
    if (config.fresh()) {
      components.forEach(ManagedComponent::deleteKeptData);
    }
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      for (ManagedComponent component : components) {
        long begin = System.nanoTime();
        started.add(component);
        component.start();
        log.debug("{} started in {} ms", component.component().displayName(), millisSince(begin));
      }
      for (ManagedComponent component : components) {
        long begin = System.nanoTime();
        component.awaitReady();
        log.debug(
            "{} ready after a further {} ms",
            component.component().displayName(),
            millisSince(begin));
      }
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    endpoints =
        new LocalStackEndpoints(
            kafka == null ? null : kafka.endpoint(),
            kafka == null ? null : kafka.secureEndpoint(),
            dynamoDb == null ? null : dynamoDb.endpoint(),
            registry == null ? null : registry.endpoint());
  }

  /**
   * In start order. The registry (a separate process with the longest boot) is launched first so
   * that it boots while Kafka and DynamoDB Local start in this JVM.
   */
  private List<ManagedComponent> createComponents() {
    List<ManagedComponent> components = new ArrayList<>();
    if (config.includes(Component.REGISTRY)) {
      registry =
          new RegistryServer(
              config.port(Component.REGISTRY),
              // Schema ids are written into every record: the registry keeps its schemas exactly
              // when Kafka keeps its log, or old records would point at ids that no longer exist.
              config.kafkaStorage() == KafkaStorage.PERSISTENT,
              config.dataDirectory(),
              config.startTimeout(),
              RegistryDistribution.fromBuild(),
              JdkFinder.onThisMachine(RegistryServer.MINIMUM_JAVA));
      components.add(registry);
    }
    if (config.includes(Component.KAFKA)) {
      kafka =
          new KafkaBroker(
              config.port(Component.KAFKA),
              config.kafkaStorage(),
              config.dataDirectory(),
              config.kafkaSaslSsl());
      components.add(kafka);
    }
    if (config.includes(Component.DYNAMODB)) {
      dynamoDb =
          new DynamoDbLocalServer(
              config.port(Component.DYNAMODB), config.dynamoDbStorage(), config.dataDirectory());
      components.add(dynamoDb);
    }
    return components;
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      // the JVM is exiting: nothing left to tell
    }
  }

  private void removeShutdownHook() {
    if (Thread.currentThread() == shutdownHook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shutdownInProgress) {
      // the hook runs (or ran) anyway
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
