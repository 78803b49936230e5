package io.shardstream.devstack.containers;

import io.shardstream.devstack.RegistryEndpoint;
import java.net.URI;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** Apicurio Registry in a container, schemas in memory (each test JVM starts empty). */
final class RegistryContainers {

  static final int PORT = 8080;

  private RegistryContainers() {}

  static GenericContainer<?> create(DockerImageName image) {
    return new GenericContainer<>(image)
        .withExposedPorts(PORT)
        // As the in-process registry: small and quick to boot, it serves a handful of schemas.
        // JAVA_OPTS_APPEND is the official image's hook for JVM options, honoured by the local one.
        .withEnv("JAVA_OPTS_APPEND", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1")
        .waitingFor(Wait.forHttp(RegistryEndpoint.READINESS_PATH).forStatusCode(200));
  }

  static RegistryEndpoint endpoint(GenericContainer<?> started) {
    return new RegistryEndpoint(
        URI.create("http://" + started.getHost() + ":" + started.getMappedPort(PORT)));
  }
}
