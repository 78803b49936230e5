package io.shardstream.bench.faults;

import io.shardstream.devstack.Component;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.KafkaStorage;
import io.shardstream.devstack.LocalStack;
import io.shardstream.devstack.LocalStackConfig;
import io.shardstream.devstack.RegistryEndpoint;
import java.net.URI;
import java.nio.file.Path;

/**
 * The real parts, each of which a fault scenario can take down and bring back on the same address
 * and data: the Kafka broker (in this JVM, its log kept on disk, restarted on the same port),
 * DynamoDB Local (a process of its own on a kept SQLite file, SIGKILLed and started again) and the
 * Apicurio registry (its own process, reached by the services through a {@link TcpProxy} that is
 * cut and restored).
 */
public final class FaultStack implements AutoCloseable {
  private final LocalStackConfig kafkaConfig;
  private LocalStack kafka;
  private final LocalStack registry;
  private final TcpProxy registryProxy;
  private final DynamoDbLocalChild dynamoDb;
  private final KafkaEndpoint kafkaEndpoint;

  private FaultStack(
      LocalStackConfig kafkaConfig,
      LocalStack kafka,
      LocalStack registry,
      TcpProxy registryProxy,
      DynamoDbLocalChild dynamoDb) {
    this.kafkaConfig = kafkaConfig;
    this.kafka = kafka;
    this.registry = registry;
    this.registryProxy = registryProxy;
    this.dynamoDb = dynamoDb;
    this.kafkaEndpoint = kafka.endpoints().kafka();
  }

  /** Starts all three under {@code dataDirectory} (Kafka's log and DynamoDB's file kept there). */
  public static FaultStack start(Path dataDirectory) {
    LocalStack registry = null;
    LocalStack kafka = null;
    DynamoDbLocalChild dynamoDb = null;
    try {
      LocalStackConfig base = LocalStackConfig.forTests(dataDirectory).withFresh(true);
      kafka =
          LocalStack.start(
              base.withComponents(Component.KAFKA).withKafkaStorage(KafkaStorage.PERSISTENT));
      // Restarts reuse the port the first start got, and keep the log (no `fresh` then).
      int kafkaPort =
          Integer.parseInt(
              kafka
                  .endpoints()
                  .kafkaBootstrapServers()
                  .substring(kafka.endpoints().kafkaBootstrapServers().lastIndexOf(':') + 1));
      LocalStackConfig kafkaAgain =
          base.withComponents(Component.KAFKA)
              .withKafkaStorage(KafkaStorage.PERSISTENT)
              .withPort(Component.KAFKA, kafkaPort)
              .withFresh(false);
      registry = LocalStack.start(base.withComponents(Component.REGISTRY));
      TcpProxy proxy = TcpProxy.start(registry.endpoints().registryUrl().getPort());
      dynamoDb = DynamoDbLocalChild.start(dataDirectory, dataDirectory.resolve("logs"));
      return new FaultStack(kafkaAgain, kafka, registry, proxy, dynamoDb);
    } catch (RuntimeException e) {
      if (dynamoDb != null) {
        dynamoDb.close();
      }
      if (registry != null) {
        registry.close();
      }
      if (kafka != null) {
        kafka.close();
      }
      throw e;
    }
  }

  public KafkaEndpoint kafka() {
    return kafkaEndpoint;
  }

  public DynamoDbEndpoint dynamoDb() {
    return dynamoDb.endpoint();
  }

  /** The registry as the services see it: through the proxy. */
  public RegistryEndpoint registry() {
    return new RegistryEndpoint(URI.create("http://localhost:" + registryProxy.port()));
  }

  /** The registry itself, for the producing side (the ingest is not what a scenario tests). */
  public RegistryEndpoint registryDirect() {
    return registry.endpoints().registry();
  }

  /** Stops the broker (clean shutdown, log kept). */
  synchronized void stopKafka() {
    kafka.stop();
  }

  /** Starts the broker again on the same port and log. */
  synchronized void startKafka() {
    kafka = LocalStack.start(kafkaConfig);
  }

  void killDynamoDb() {
    dynamoDb.kill();
  }

  void startDynamoDb() {
    dynamoDb.start();
  }

  void cutRegistry() {
    registryProxy.cut();
  }

  void restoreRegistry() {
    registryProxy.restore();
  }

  @Override
  public synchronized void close() {
    registryProxy.close();
    dynamoDb.close();
    registry.close();
    kafka.close();
  }
}
