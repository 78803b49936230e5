package io.shardstream.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds a Java installation new enough to run a child process: the registry needs Java 21+, while
 * this JVM may be older (the machine default here is 17).
 *
 * <p>Candidates are Java homes in priority order: this JVM's {@code java.home}, then {@code
 * JAVA_HOME}, then the newest installation under the usual install folders. A home's version is
 * read from its {@code release} file, so no process is spawned to ask.
 */
final class JdkFinder {

  private final int minimumFeatureVersion;
  private final List<Path> candidateHomes;
  private final String searchedPlaces;

  /**
   * @param candidateHomes Java homes to try, in priority order
   * @param searchedPlaces where the candidates came from, for the error message
   */
  JdkFinder(int minimumFeatureVersion, List<Path> candidateHomes, String searchedPlaces) {
    this.minimumFeatureVersion = minimumFeatureVersion;
    this.candidateHomes = List.copyOf(candidateHomes);
    this.searchedPlaces = searchedPlaces;
  }

  /** A finder over this machine's usual places. */
  static JdkFinder onThisMachine(int minimumFeatureVersion) {
    Set<Path> homes = new LinkedHashSet<>();
    homes.add(Path.of(System.getProperty("java.home")));
    Optional<String> javaHome =
        Optional.ofNullable(System.getenv("JAVA_HOME")).filter(s -> !s.isBlank());
    javaHome.map(Path::of).ifPresent(homes::add);
    homes.addAll(installedHomesNewestFirst());
    String searched =
        "this JVM's java.home, JAVA_HOME"
            + (javaHome.isPresent() ? "" : " (not set)")
            + ", "
            + String.join(", ", installRoots());
    return new JdkFinder(minimumFeatureVersion, new ArrayList<>(homes), searched);
  }

  /**
   * The {@code java} launcher of the first candidate home at or above the minimum version.
   *
   * @throws JdkNotFoundException naming every place looked at and what was found there
   */
  Path findJavaExecutable() {
    List<String> rejected = new ArrayList<>();
    for (Path home : candidateHomes) {
      Path java = home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
      OptionalInt feature = featureVersion(home);
      if (!Files.isExecutable(java)) {
        rejected.add(home + " (no bin/java)");
      } else if (feature.isEmpty()) {
        rejected.add(home + " (version unknown: no readable release file)");
      } else if (feature.getAsInt() < minimumFeatureVersion) {
        rejected.add(home + " (Java " + feature.getAsInt() + ")");
      } else {
        return java;
      }
    }
    throw new JdkNotFoundException(
        Component.REGISTRY,
        "Apicurio Registry runs as a child process on Java "
            + minimumFeatureVersion
            + " or newer, and no such Java was found. Looked at: "
            + (rejected.isEmpty() ? "nothing (empty search path)" : String.join(", ", rejected))
            + ". Searched: "
            + searchedPlaces
            + ". Install a JDK "
            + minimumFeatureVersion
            + "+ (e.g. under /usr/lib/jvm) or point JAVA_HOME at one.");
  }

  /** The feature version (17, 21, 25…) recorded in {@code <home>/release}, if readable. */
  static OptionalInt featureVersion(Path home) {
    Path release = home.resolve("release");
    if (!Files.isReadable(release)) {
      return OptionalInt.empty();
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(release)) {
      properties.load(in);
    } catch (IOException | IllegalArgumentException e) {
      return OptionalInt.empty();
    }
    String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "").trim();
    return parseFeature(version);
  }

  /** {@code "25.0.1"} → 25, {@code "21"} → 21, {@code "1.8.0_412"} → 8. */
  static OptionalInt parseFeature(String version) {
    String[] parts = version.split("[._+-]");
    try {
      int first = Integer.parseInt(parts[0]);
      return OptionalInt.of(first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first);
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  private static List<Path> installedHomesNewestFirst() {
    List<Path> homes = new ArrayList<>();
    for (String root : installRoots()) {
      Path rootPath = Path.of(root);
      if (!Files.isDirectory(rootPath)) {
        continue;
      }
      try (Stream<Path> children = Files.list(rootPath)) {
        children.map(JdkFinder::macOsHome).filter(Files::isDirectory).forEach(homes::add);
      } catch (IOException e) {
        // unreadable install folder: nothing to find there
      }
    }
    homes.sort(Comparator.comparingInt((Path home) -> featureVersion(home).orElse(0)).reversed());
    return homes;
  }

  /** On macOS a JDK folder holds its home under Contents/Home. */
  private static Path macOsHome(Path installation) {
    Path contentsHome = installation.resolve("Contents").resolve("Home");
    return Files.isDirectory(contentsHome) ? contentsHome : installation;
  }

  private static List<String> installRoots() {
    String userHome = System.getProperty("user.home");
    return List.of(
        "/usr/lib/jvm",
        "/usr/java",
        "/opt/java",
        "/Library/Java/JavaVirtualMachines",
        userHome + "/.sdkman/candidates/java",
        userHome + "/.jdks");
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").startsWith("Windows");
  }
}
