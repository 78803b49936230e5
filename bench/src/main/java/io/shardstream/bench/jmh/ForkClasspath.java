package io.shardstream.bench.jmh;

import io.shardstream.bench.BenchException;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that a JMH fork will find the benchmark. JMH starts forks with this JVM's {@code
 * java.class.path}; launched as {@code java -cp classes:$(cat classpath.txt)} that holds
 * everything, but under a manifest-only or fat jar launcher it may not, and the fork would die with
 * a bare ClassNotFoundException. Better to say so before spending the warm-up.
 */
public final class ForkClasspath {
  private ForkClasspath() {}

  /** Throws a {@link BenchException} unless each class's origin is on the class path. */
  public static void requireVisible(Class<?>... classes) {
    requireVisible(System.getProperty("java.class.path", ""), classes);
  }

  static void requireVisible(String classPath, Class<?>... classes) {
    Set<Path> entries =
        Arrays.stream(classPath.split(File.pathSeparator))
            .filter(entry -> !entry.isBlank())
            .map(entry -> Path.of(entry).toAbsolutePath().normalize())
            .collect(Collectors.toSet());
    for (Class<?> type : classes) {
      Path origin = origin(type);
      if (origin != null && !entries.contains(origin)) {
        throw new BenchException(
            "JMH forks start with java.class.path, which lacks "
                + origin
                + " (holding "
                + type.getName()
                + "). Launch with "
                + "`java -cp bench/target/classes:$(cat bench/target/classpath.txt) "
                + "io.shardstream.bench.BenchMain ...`, or pass --forks 0 to measure in this JVM.");
      }
    }
  }

  /** The jar or folder a class was loaded from; null when the JVM does not say (boot classes). */
  private static Path origin(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    try {
      return Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
