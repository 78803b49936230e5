package io.shardstream.devstack.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.shardstream.devstack.Component;
import io.shardstream.devstack.DevStackException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/** Checks made before a container is created, so a missing prerequisite fails fast and clearly. */
final class DockerEngine {

  /**
   * Testcontainers reads it from the environment only. Its Ryuk sidecar is an image from a
   * registry; devstack removes its containers itself (stop and JVM shutdown hook).
   */
  static final String RYUK_DISABLED_VARIABLE = "TESTCONTAINERS_RYUK_DISABLED";

  /**
   * Where Testcontainers reaches published ports. Devstack publishes them on this machine's
   * loopback, so the engine must run here; inside a container (a {@code /.dockerenv} file)
   * Testcontainers would otherwise look for a gateway by running an {@code alpine} container, which
   * would be pulled.
   */
  static final String HOST_OVERRIDE_VARIABLE = "TESTCONTAINERS_HOST_OVERRIDE";

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
    if (Files.exists(Path.of("/.dockerenv")) && System.getenv(HOST_OVERRIDE_VARIABLE) == null) {
      throw new DevStackException(
          component,
          "this JVM runs inside a container and the containers mode publishes ports on loopback:"
              + " set the environment variable "
              + HOST_OVERRIDE_VARIABLE
              + "=localhost when the Docker engine runs in the same container (the Maven build"
              + " sets it for failsafe)");
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
