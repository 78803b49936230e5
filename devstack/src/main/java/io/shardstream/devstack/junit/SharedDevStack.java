package io.shardstream.devstack.junit;

import io.shardstream.devstack.DevStackException;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.LocalStack;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.containers.ContainerStack;
import java.nio.file.Path;

/**
 * One instance of each component per JVM, for tests: started on first use, on a free port, each on
 * its own so a test needing only DynamoDB does not wait for Kafka and the registry. Stopped when
 * the JUnit run ends ({@link DevStackExtension}) or, for use outside JUnit, by a JVM shutdown hook
 * (of each {@link LocalStack}, or of the {@link ContainerStack}). A component stopped by {@link
 * #stopAll()} starts again on next use.
 *
 * <p>The system property {@value StackMode#PROPERTY} picks where they run ({@link StackMode}): in
 * this JVM (default) or as containers from local images. Tests get the same endpoint types either
 * way.
 *
 * <p>In-process data goes to {@code target/devstack} under the working directory (the module folder
 * under Maven), or wherever the system property {@value #DATA_DIRECTORY_PROPERTY} points.
 */
public final class SharedDevStack {

  public static final String DATA_DIRECTORY_PROPERTY = "shardstream.devstack.dir";

  private static TestStack stack;

  private SharedDevStack() {}

  public static KafkaEndpoint kafka() {
    return stack().kafka();
  }

  public static DynamoDbEndpoint dynamoDb() {
    return stack().dynamoDb();
  }

  public static RegistryEndpoint registry() {
    return stack().registry();
  }

  public static Path dataDirectory() {
    return Path.of(System.getProperty(DATA_DIRECTORY_PROPERTY, "target/devstack")).toAbsolutePath();
  }

  /** Stops every shared component. Later calls to the accessors start fresh ones. */
  public static void stopAll() {
    TestStack current;
    synchronized (SharedDevStack.class) {
      current = stack;
    }
    if (current != null) {
      current.stopAll();
    }
  }

  /** The mode is read once per JVM, on first use. */
  private static synchronized TestStack stack() {
    if (stack == null) {
      stack =
          switch (StackMode.fromSystemProperty()) {
            case IN_PROCESS -> new InProcessTestStack(SharedDevStack::dataDirectory);
            case CONTAINERS -> containers();
          };
    }
    return stack;
  }

  private static TestStack containers() {
    try {
      Class.forName("org.testcontainers.kafka.KafkaContainer", false, classLoader());
    } catch (ClassNotFoundException e) {
      throw new DevStackException(
          null,
          StackMode.PROPERTY
              + "=containers needs Testcontainers on the test class path: run Maven with"
              + " -Pcontainers (or -Dshardstream.stack=containers), whose profile adds"
              + " org.testcontainers:testcontainers-kafka with test scope");
    }
    return new ContainerTestStack(ContainerStack.fromBuild());
  }

  private static ClassLoader classLoader() {
    return SharedDevStack.class.getClassLoader();
  }
}
