package io.shardstream.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Apicurio Registry server distribution: a Quarkus fast-jar shipped as {@code
 * io.apicurio:apicurio-registry-app:<version>:tar.gz:all}. Maven fetches the archive when devstack
 * is built and the build records its path; at run time it is unpacked once into the data folder and
 * reused.
 */
final class RegistryDistribution {

  /**
   * Points at a {@code .tar.gz} or at an unpacked distribution folder; overrides the recorded path.
   */
  static final String ARCHIVE_PROPERTY = "shardstream.registry.distribution";

  private static final Logger log = LoggerFactory.getLogger(RegistryDistribution.class);
  private static final String BUILD_INFO = "registry-distribution.properties";
  private static final String LAUNCHER = "quarkus-run.jar";

  private final String version;
  private final List<Path> archiveCandidates;

  RegistryDistribution(String version, List<Path> archiveCandidates) {
    this.version = version;
    this.archiveCandidates = List.copyOf(archiveCandidates);
  }

  /** The distribution this build of devstack was made with. */
  static RegistryDistribution fromBuild() {
    Properties info = new Properties();
    try (InputStream in = RegistryDistribution.class.getResourceAsStream(BUILD_INFO)) {
      if (in == null) {
        throw new IllegalStateException(BUILD_INFO + " missing from the devstack jar");
      }
      info.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = info.getProperty("version");
    List<Path> candidates = new ArrayList<>();
    Optional.ofNullable(System.getProperty(ARCHIVE_PROPERTY))
        .map(Path::of)
        .ifPresent(candidates::add);
    Optional.ofNullable(info.getProperty("archive"))
        .filter(p -> !p.contains("${"))
        .map(Path::of)
        .ifPresent(candidates::add);
    candidates.add(
        Path.of(
            System.getProperty("user.home"),
            ".m2",
            "repository",
            "io",
            "apicurio",
            "apicurio-registry-app",
            version,
            "apicurio-registry-app-" + version + "-all.tar.gz"));
    return new RegistryDistribution(version, candidates);
  }

  String version() {
    return version;
  }

  /**
   * The {@code quarkus-run.jar} of an unpacked distribution, unpacking the archive under {@code
   * registryDirectory} first if that was not done by an earlier run.
   */
  Path launcherJar(Path registryDirectory) {
    Path archive = locateArchive();
    if (Files.isDirectory(archive)) {
      return requireLauncher(archive);
    }
    Path unpacked = registryDirectory.resolve("apicurio-registry-app-" + version);
    if (!Files.isRegularFile(unpacked.resolve(LAUNCHER))) {
      unpack(archive, registryDirectory, unpacked);
    }
    return requireLauncher(unpacked);
  }

  Path locateArchive() {
    return archiveCandidates.stream()
        .filter(Files::exists)
        .findFirst()
        .orElseThrow(
            () ->
                new DevStackException(
                    Component.REGISTRY,
                    "Apicurio Registry "
                        + version
                        + " distribution not found; looked for "
                        + archiveCandidates
                        + ". Fetch it with `./mvnw -pl devstack -am install -DskipTests` (it is a"
                        + " build dependency of devstack) or point -D"
                        + ARCHIVE_PROPERTY
                        + " at the .tar.gz."));
  }

  /**
   * Unpacks into a scratch folder and renames it into place, so an interrupted unpack never looks
   * complete and two JVMs unpacking at once do not mix their files.
   */
  private static void unpack(Path archive, Path registryDirectory, Path unpacked) {
    long started = System.nanoTime();
    Path scratch = null;
    try {
      Files.createDirectories(registryDirectory);
      scratch = Files.createTempDirectory(registryDirectory, ".unpacking-");
      TarGzExtractor.extract(archive, scratch);
      if (Files.exists(unpacked) && !Files.isRegularFile(unpacked.resolve(LAUNCHER))) {
        FileTrees.delete(unpacked); // a folder without its launcher is a broken leftover
      }
      try {
        Files.move(scratch, unpacked, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(scratch, unpacked);
      }
      log.info(
          "unpacked {} into {} in {} ms",
          archive.getFileName(),
          unpacked,
          (System.nanoTime() - started) / 1_000_000);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      log.debug("another process unpacked {} first", unpacked); // theirs is as good as ours
    } catch (IOException e) {
      throw new DevStackException(
          Component.REGISTRY, "cannot unpack " + archive + " into " + unpacked, e);
    } finally {
      if (scratch != null) {
        FileTrees.deleteQuietly(scratch);
      }
    }
  }

  private static Path requireLauncher(Path distribution) {
    Path launcher = distribution.resolve(LAUNCHER);
    if (!Files.isRegularFile(launcher)) {
      throw new DevStackException(
          Component.REGISTRY,
          distribution
              + " is not an Apicurio Registry"
              + " distribution: "
              + LAUNCHER
              + " missing");
    }
    return launcher;
  }
}
