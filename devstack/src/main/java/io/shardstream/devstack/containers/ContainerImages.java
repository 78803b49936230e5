package io.shardstream.devstack.containers;

import io.shardstream.devstack.Component;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.testcontainers.utility.DockerImageName;

/**
 * The local image of each component. The names come from {@code container-images.properties}, which
 * the build writes from the parent pom's versions; {@link #BUILD_SCRIPT} builds the images with
 * those same tags.
 */
public final class ContainerImages {

  /** Builds the images into the local Docker engine, from the repository root. */
  public static final String BUILD_SCRIPT = "deploy/images/build.sh";

  private static final String BUILD_INFO = "container-images.properties";

  private final Map<Component, DockerImageName> images;

  ContainerImages(Map<Component, DockerImageName> images) {
    this.images = new EnumMap<>(images);
  }

  /** The images this build of devstack was made for. */
  public static ContainerImages fromBuild() {
    Properties names = new Properties();
    try (InputStream in = ContainerImages.class.getResourceAsStream(BUILD_INFO)) {
      if (in == null) {
        throw new IllegalStateException(BUILD_INFO + " missing from the devstack jar");
      }
      names.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Component, DockerImageName> images = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      String name = names.getProperty(key(component));
      if (name == null || name.contains("${")) {
        throw new IllegalStateException(
            BUILD_INFO + " has no image for " + key(component) + " (was the build filtered?)");
      }
      images.put(component, DockerImageName.parse(name));
    }
    return new ContainerImages(images);
  }

  public DockerImageName image(Component component) {
    return images.get(component);
  }

  /** The argument of {@link #BUILD_SCRIPT} that builds this component's image. */
  public static String buildArgument(Component component) {
    return key(component);
  }

  private static String key(Component component) {
    return component.name().toLowerCase(Locale.ROOT);
  }
}
