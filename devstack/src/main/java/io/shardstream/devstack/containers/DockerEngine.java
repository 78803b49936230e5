package io.shardstream.devstack.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.shardstream.devstack.Component;
import io.shardstream.devstack.DevStackException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/** Checks made before a container is created, so a missing prerequisite fails fast and clearly. */
final class DockerEngine {

  /**
   * Testcontainers reads it from the environment only. Its Ryuk sidecar is an image from a
   * registry; devstack removes its containers itself (stop and JVM shutdown hook).
   */
  static final String RYUK_DISABLED_VARIABLE = "TESTCONTAINERS_RYUK_DISABLED";

  private DockerEngine() {}

  /**
   * The engine's client, once Ryuk is known to be off and the engine answers.
   *
   * @throws DevStackException naming the fix otherwise
   */
  static DockerClient client(Component component) {
    if (!Boolean.parseBoolean(System.getenv(RYUK_DISABLED_VARIABLE))) {
      throw new DevStackException(
          component,
          "the containers mode runs without Testcontainers' Ryuk container (its image would be"
              + " pulled): set the environment variable "
              + RYUK_DISABLED_VARIABLE
              + "=true (the Maven build sets it for failsafe)");
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new DevStackException(
          component,
          "the containers mode needs a Docker engine and none answered (DOCKER_HOST, or"
              + " /var/run/docker.sock): start dockerd, or run the tests in-process (leave out"
              + " -Dshardstream.stack=containers)");
    }
    return DockerClientFactory.instance().client();
  }

  /**
   * @throws MissingImageException when the engine does not have {@code image}
   */
  static void requireImage(DockerClient docker, Component component, DockerImageName image) {
    try {
      docker.inspectImageCmd(image.asCanonicalNameString()).exec();
    } catch (NotFoundException e) {
      throw new MissingImageException(component, image);
    }
  }
}
