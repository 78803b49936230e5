package io.shardstream.devstack.junit;

import io.shardstream.devstack.Component;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.LocalStack;
import io.shardstream.devstack.LocalStackConfig;
import io.shardstream.devstack.RegistryEndpoint;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Each component in its own {@link LocalStack} (in this JVM, the registry as a child process), so a
 * test needing only DynamoDB does not wait for Kafka and the registry. Each stack's JVM shutdown
 * hook stops it when the JVM ends without {@link #stopAll()}.
 */
final class InProcessTestStack implements TestStack {

  private final Supplier<Path> dataDirectory;
  private final Map<Component, LocalStack> running = new EnumMap<>(Component.class);

  InProcessTestStack(Supplier<Path> dataDirectory) {
    this.dataDirectory = dataDirectory;
  }

  @Override
  public KafkaEndpoint kafka() {
    return running(Component.KAFKA).endpoints().kafka();
  }

  @Override
  public DynamoDbEndpoint dynamoDb() {
    return running(Component.DYNAMODB).endpoints().dynamoDb();
  }

  @Override
  public RegistryEndpoint registry() {
    return running(Component.REGISTRY).endpoints().registry();
  }

  @Override
  public void stopAll() {
    synchronized (running) {
      running.values().forEach(LocalStack::stop);
      running.clear();
    }
  }

  /**
   * Starting under the lock serialises first uses of different components too; that costs nothing
   * in the usual sequential test run and keeps two 2-core start-ups from competing.
   */
  private LocalStack running(Component component) {
    synchronized (running) {
      return running.computeIfAbsent(
          component,
          c -> LocalStack.start(LocalStackConfig.forTests(dataDirectory.get()).withComponents(c)));
    }
  }
}
