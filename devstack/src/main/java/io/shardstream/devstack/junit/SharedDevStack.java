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

/**
 * One instance of each component per JVM, for tests: started on first use, on a free port, each on
 * its own so a test needing only DynamoDB does not wait for Kafka and the registry. Stopped when
 * the JUnit run ends ({@link DevStackExtension}) or, for use outside JUnit, by the JVM shutdown
 * hook of each {@link LocalStack}. A component stopped by {@link #stopAll()} starts again on next
 * use.
 *
 * <p>Data goes to {@code target/devstack} under the working directory (the module folder under
 * Maven), or wherever the system property {@value #DATA_DIRECTORY_PROPERTY} points.
 */
public final class SharedDevStack {

  public static final String DATA_DIRECTORY_PROPERTY = "shardstream.devstack.dir";

  private static final Map<Component, LocalStack> RUNNING = new EnumMap<>(Component.class);

  private SharedDevStack() {}

  public static KafkaEndpoint kafka() {
    return running(Component.KAFKA).endpoints().kafka();
  }

  public static DynamoDbEndpoint dynamoDb() {
    return running(Component.DYNAMODB).endpoints().dynamoDb();
  }

  public static RegistryEndpoint registry() {
    return running(Component.REGISTRY).endpoints().registry();
  }

  public static Path dataDirectory() {
    return Path.of(System.getProperty(DATA_DIRECTORY_PROPERTY, "target/devstack")).toAbsolutePath();
  }

  /** Stops every shared component. Later calls to the accessors start fresh ones. */
  public static void stopAll() {
    synchronized (RUNNING) {
      RUNNING.values().forEach(LocalStack::stop);
      RUNNING.clear();
    }
  }

  /**
   * Starting under the lock serialises first uses of different components too; that costs nothing
   * in the usual sequential test run and keeps two 2-core start-ups from competing.
   */
  private static LocalStack running(Component component) {
    synchronized (RUNNING) {
      return RUNNING.computeIfAbsent(
          component,
          c -> LocalStack.start(LocalStackConfig.forTests(dataDirectory()).withComponents(c)));
    }
  }
}
