package io.shardstream.devstack.containers;

import io.shardstream.devstack.DynamoDbEndpoint;
import java.net.URI;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** DynamoDB Local in a container, in memory, one database for every client ({@code -sharedDb}). */
final class DynamoDbContainers {

  static final int PORT = 8000;

  private DynamoDbContainers() {}

  static GenericContainer<?> create(DockerImageName image) {
    return new GenericContainer<>(image)
        .withExposedPorts(PORT)
        // The image's entry point is `java` (as amazon/dynamodb-local's); the flags are the
        // in-process server's: one database whatever the credentials and region, no telemetry.
        .withCommand(
            "-Xmx512m",
            "-jar",
            "DynamoDBLocal.jar",
            "-port",
            String.valueOf(PORT),
            "-inMemory",
            "-sharedDb",
            "-disableTelemetry")
        // Any HTTP answer means it serves (it answers an unsigned GET with 400); checked from
        // outside, as the image may have no shell for an inside check.
        .waitingFor(Wait.forHttp("/").forStatusCodeMatching(status -> status > 0));
  }

  static DynamoDbEndpoint endpoint(GenericContainer<?> started) {
    return new DynamoDbEndpoint(
        URI.create("http://" + started.getHost() + ":" + started.getMappedPort(PORT)));
  }
}
