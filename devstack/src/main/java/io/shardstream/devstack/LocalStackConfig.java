package io.shardstream.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link LocalStack} starts and where.
 *
 * <p>Immutable; derive variants with the {@code with…} methods:
 *
 * <pre>{@code
 * LocalStackConfig.defaults()
 *     .withComponents(Component.KAFKA, Component.DYNAMODB)
 *     .withPort(Component.KAFKA, 19092)
 *     .withDynamoDbStorage(DynamoDbStorage.PERSISTENT)
 *     .withKafkaStorage(KafkaStorage.PERSISTENT)
 * }</pre>
 *
 * @param components the components to start (at least one)
 * @param ports listening port per component; 0 picks a free port at start
 * @param dataDirectory the one folder the stack writes to: Kafka logs, DynamoDB files, the unpacked
 *     registry and its log
 * @param dynamoDbStorage whether DynamoDB Local keeps tables in memory or in files
 * @param kafkaStorage whether the Kafka broker is a new cluster at every start or keeps its log
 * @param fresh whether to delete what earlier runs kept (Kafka's kept log, DynamoDB's files) before
 *     starting; done after the port checks, so never under a stack that is still running
 * @param startTimeout how long to wait for a component to become ready
 * @param kafkaSaslSsl whether the broker also opens a SASL_SSL listener (SCRAM-SHA-512 over TLS,
 *     its TLS material and user made at start; {@link LocalStackEndpoints#secureKafka()})
 */
public record LocalStackConfig(
    Set<Component> components,
    Map<Component, Integer> ports,
    Path dataDirectory,
    DynamoDbStorage dynamoDbStorage,
    KafkaStorage kafkaStorage,
    boolean fresh,
    Duration startTimeout,
    boolean kafkaSaslSsl) {

  /** The data folder of {@code shardstream demo}, relative to the working directory. */
  public static final Path DEFAULT_DATA_DIRECTORY = Path.of(".shardstream", "devstack");

  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

  public LocalStackConfig {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(dynamoDbStorage, "dynamoDbStorage");
    Objects.requireNonNull(kafkaStorage, "kafkaStorage");
    Objects.requireNonNull(startTimeout, "startTimeout");
    if (components.isEmpty()) {
      throw new IllegalArgumentException("a LocalStack needs at least one component");
    }
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("startTimeout must be positive: " + startTimeout);
    }
    components = Set.copyOf(EnumSet.copyOf(components));
    EnumMap<Component, Integer> allPorts = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      int port = ports.getOrDefault(component, component.defaultPort());
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException(component.displayName() + " port out of range: " + port);
      }
      allPorts.put(component, port);
    }
    ports = Map.copyOf(allPorts);
    dataDirectory = dataDirectory.toAbsolutePath().normalize();
  }

  /**
   * Every component on its usual port (Kafka 9092, DynamoDB 8000, registry 8081), in-memory tables,
   * a new Kafka cluster per start.
   */
  public static LocalStackConfig defaults() {
    return new LocalStackConfig(
        EnumSet.allOf(Component.class),
        Map.of(),
        DEFAULT_DATA_DIRECTORY,
        DynamoDbStorage.IN_MEMORY,
        KafkaStorage.PER_RUN,
        false,
        DEFAULT_START_TIMEOUT,
        false);
  }

  /**
   * Every component on a free port, writing under {@code dataDirectory} (tests: {@code
   * target/devstack}).
   */
  public static LocalStackConfig forTests(Path dataDirectory) {
    Map<Component, Integer> anyPort = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      anyPort.put(component, 0);
    }
    return new LocalStackConfig(
        EnumSet.allOf(Component.class),
        anyPort,
        dataDirectory,
        DynamoDbStorage.IN_MEMORY,
        KafkaStorage.PER_RUN,
        false,
        DEFAULT_START_TIMEOUT,
        false);
  }

  public int port(Component component) {
    return ports.get(component);
  }

  public boolean includes(Component component) {
    return components.contains(component);
  }

  public LocalStackConfig withComponents(Component first, Component... more) {
    return new LocalStackConfig(
        EnumSet.of(first, more),
        ports,
        dataDirectory,
        dynamoDbStorage,
        kafkaStorage,
        fresh,
        startTimeout,
        kafkaSaslSsl);
  }

  public LocalStackConfig withPort(Component component, int port) {
    Map<Component, Integer> changed = new EnumMap<>(ports);
    changed.put(component, port);
    return new LocalStackConfig(
        components,
        changed,
        dataDirectory,
        dynamoDbStorage,
        kafkaStorage,
        fresh,
        startTimeout,
        kafkaSaslSsl);
  }

  public LocalStackConfig withDataDirectory(Path directory) {
    return new LocalStackConfig(
        components,
        ports,
        directory,
        dynamoDbStorage,
        kafkaStorage,
        fresh,
        startTimeout,
        kafkaSaslSsl);
  }

  public LocalStackConfig withDynamoDbStorage(DynamoDbStorage storage) {
    return new LocalStackConfig(
        components, ports, dataDirectory, storage, kafkaStorage, fresh, startTimeout, kafkaSaslSsl);
  }

  public LocalStackConfig withKafkaStorage(KafkaStorage storage) {
    return new LocalStackConfig(
        components,
        ports,
        dataDirectory,
        dynamoDbStorage,
        storage,
        fresh,
        startTimeout,
        kafkaSaslSsl);
  }

  /** {@code true}: delete what earlier runs kept before starting (see {@link #fresh()}). */
  public LocalStackConfig withFresh(boolean deleteKeptData) {
    return new LocalStackConfig(
        components,
        ports,
        dataDirectory,
        dynamoDbStorage,
        kafkaStorage,
        deleteKeptData,
        startTimeout,
        kafkaSaslSsl);
  }

  public LocalStackConfig withStartTimeout(Duration timeout) {
    return new LocalStackConfig(
        components,
        ports,
        dataDirectory,
        dynamoDbStorage,
        kafkaStorage,
        fresh,
        timeout,
        kafkaSaslSsl);
  }

  /**
   * {@code true}: the broker also opens a SASL_SSL listener (SCRAM-SHA-512 over TLS) beside its
   * plaintext one; see {@link #kafkaSaslSsl()}.
   */
  public LocalStackConfig withKafkaSaslSsl(boolean saslSsl) {
    return new LocalStackConfig(
        components,
        ports,
        dataDirectory,
        dynamoDbStorage,
        kafkaStorage,
        fresh,
        startTimeout,
        saslSsl);
  }
}
