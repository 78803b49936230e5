package io.shardstream.devstack.containers;

import io.shardstream.devstack.Component;
import io.shardstream.devstack.DevStackException;
import org.testcontainers.utility.DockerImageName;

/** A component's local image is not in the Docker engine; the containers mode never pulls. */
public final class MissingImageException extends DevStackException {

  private final DockerImageName image;

  MissingImageException(Component component, DockerImageName image) {
    super(
        component,
        "Docker image "
            + image.asCanonicalNameString()
            + " ("
            + component.displayName()
            + ") is not in the local Docker engine: build it with `"
            + ContainerImages.BUILD_SCRIPT
            + " "
            + ContainerImages.buildArgument(component)
            + "` from the repository root (the containers mode never pulls images)");
    this.image = image;
  }

  public DockerImageName image() {
    return image;
  }
}
