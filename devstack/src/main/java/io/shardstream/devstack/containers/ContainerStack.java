package io.shardstream.devstack.containers;

import com.github.dockerjava.api.DockerClient;
import io.shardstream.devstack.Component;
import io.shardstream.devstack.DevStackException;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final Map<Component, Running> running = new LinkedHashMap<>();
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
    return started(Component.KAFKA, KafkaContainers::create, KafkaContainers::endpoint)
        .endpoint(KafkaEndpoint.class);
  }

  /** As {@link #kafka()}, for DynamoDB Local. */
  public synchronized DynamoDbEndpoint dynamoDb() {
    return started(Component.DYNAMODB, DynamoDbContainers::create, DynamoDbContainers::endpoint)
        .endpoint(DynamoDbEndpoint.class);
  }

  /** As {@link #kafka()}, for the registry. */
  public synchronized RegistryEndpoint registry() {
    return started(Component.REGISTRY, RegistryContainers::create, RegistryContainers::endpoint)
        .endpoint(RegistryEndpoint.class);
  }

  /** Stops and removes every started container, newest first. Idempotent. */
  public synchronized void stop() {
    List<Running> newestFirst = new ArrayList<>(running.values()).reversed();
    running.clear();
    for (Running each : newestFirst) {
      try {
        each.container().stop();
        log.debug("{} container stopped", each.component().displayName());
      } catch (RuntimeException e) {
        log.warn("{} container did not stop cleanly", each.component().displayName(), e);
      }
    }
    removeShutdownHook();
  }

  private <C extends GenericContainer<?>> Running started(
      Component component,
      Function<DockerImageName, C> create,
      Function<C, Object> endpointOf) {
    Running existing = running.get(component);
    if (existing != null) {
      return existing;
    }
    DockerClient docker = DockerEngine.client(component);
    DockerImageName image = images.image(component);
    DockerEngine.requireImage(docker, component, image);
    C container = create.apply(image);
    CommonSettings.apply(container, component);
    addShutdownHook();
    long begin = System.nanoTime();
    try {
      container.start();
    } catch (RuntimeException e) {
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
    Running started = new Running(component, container, endpointOf.apply(container));
    running.put(component, started);
    log.info(
        "{} container {} ready in {} ms: {}",
        component.displayName(),
        image.asCanonicalNameString(),
        (System.nanoTime() - begin) / 1_000_000,
        started.endpoint());
    return started;
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

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      log.warn("devstack containers did not stop cleanly", e);
    }
  }

  private record Running(Component component, GenericContainer<?> container, Object endpoint) {
    <E> E endpoint(Class<E> type) {
      return type.cast(endpoint);
    }
  }
}
