package io.shardstream.devstack.containers;

import com.github.dockerjava.api.DockerClient;
import io.shardstream.devstack.Component;
import io.shardstream.devstack.DevStackException;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka, DynamoDB Local and Apicurio Registry as containers on the local Docker engine, from the
 * images {@link ContainerImages} names (built locally, never pulled). Each component starts on
 * first use of its accessor and keeps its endpoint until {@link #stop()}; the endpoints are the
 * same types as the in-process {@link io.shardstream.devstack.LocalStack}'s, on loopback.
 *
 * <p>{@link #stop()} removes the containers; a JVM shutdown hook does it when the JVM ends without
 * it (Testcontainers' Ryuk sidecar is off: its image cannot be pulled here).
 */
public final class ContainerStack {

  private static final Logger log = LoggerFactory.getLogger(ContainerStack.class);

  private final ContainerImages images;
  private final Map<Component, Object> endpoints = new EnumMap<>(Component.class);

  /**
   * Every container created and not yet stopped, including one still starting: the shutdown hook
   * reads it without the lock, which a start holds for as long as it waits for its container.
   */
  private final Deque<GenericContainer<?>> created = new ConcurrentLinkedDeque<>();

  private final Thread shutdownHook = new Thread(this::stopQuietly, "devstack-containers-shutdown");
  private boolean hookAdded;

  public ContainerStack(ContainerImages images) {
    this.images = images;
  }

  /** With the images this build of devstack was made for. */
  public static ContainerStack fromBuild() {
    return new ContainerStack(ContainerImages.fromBuild());
  }

  /**
   * @throws MissingImageException the Kafka image is not in the local engine
   * @throws DevStackException no Docker engine, or the container did not start
   */
  public synchronized KafkaEndpoint kafka() {
    return KafkaEndpoint.class.cast(
        endpoint(Component.KAFKA, KafkaContainers::create, KafkaContainers::endpoint));
  }

  /** As {@link #kafka()}, for DynamoDB Local. */
  public synchronized DynamoDbEndpoint dynamoDb() {
    return DynamoDbEndpoint.class.cast(
        endpoint(Component.DYNAMODB, DynamoDbContainers::create, DynamoDbContainers::endpoint));
  }

  /** As {@link #kafka()}, for the registry. */
  public synchronized RegistryEndpoint registry() {
    return RegistryEndpoint.class.cast(
        endpoint(Component.REGISTRY, RegistryContainers::create, RegistryContainers::endpoint));
  }

  /** Stops and removes every started container, newest first. Idempotent. */
  public synchronized void stop() {
    endpoints.clear();
    removeCreated();
    removeShutdownHook();
  }

  /** The component's endpoint, its container started first if need be. */
  private <C extends GenericContainer<?>> Object endpoint(
      Component component, Function<DockerImageName, C> create, Function<C, Object> endpointOf) {
    Object existing = endpoints.get(component);
    if (existing != null) {
      return existing;
    }
    DockerClient docker = DockerEngine.client(component);
    DockerImageName image = images.image(component);
    DockerEngine.requireImage(docker, component, image);
    C container = create.apply(image);
    CommonSettings.apply(container, component);
    addShutdownHook();
    created.push(container);
    long begin = System.nanoTime();
    try {
      container.start();
    } catch (RuntimeException e) {
      created.remove(container);
      container.stop();
      throw new DevStackException(
          component,
          component.displayName()
              + " container from "
              + image.asCanonicalNameString()
              + " did not start: "
              + e.getMessage(),
          e);
    }
    Object endpoint = endpointOf.apply(container);
    endpoints.put(component, endpoint);
    log.info(
        "{} container {} ready in {} ms: {}",
        component.displayName(),
        image.asCanonicalNameString(),
        (System.nanoTime() - begin) / 1_000_000,
        endpoint);
    return endpoint;
  }

  /** Newest first; safe to run concurrently with itself (each container is taken once). */
  private void removeCreated() {
    GenericContainer<?> container;
    while ((container = created.pollFirst()) != null) {
      try {
        container.stop();
        log.debug("container {} removed", container.getDockerImageName());
      } catch (RuntimeException e) {
        log.warn("container {} was not removed cleanly", container.getDockerImageName(), e);
      }
    }
  }

  private void addShutdownHook() {
    if (!hookAdded) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      hookAdded = true;
    }
  }

  private void removeShutdownHook() {
    if (hookAdded && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting; the hook is running or about to, and stop() is idempotent.
      }
      hookAdded = false;
    }
  }

  /** The shutdown hook: without the lock, which a start in progress may hold. */
  private void stopQuietly() {
    try {
      removeCreated();
    } catch (RuntimeException e) {
      log.warn("devstack containers did not stop cleanly", e);
    }
  }
}
