package io.shardstream.bench.node;

import io.shardstream.bench.BenchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * A folder holding a node project shipped as resources (a {@code package.json} pinning exact
 * versions and its {@code package-lock.json}, which pins every transitive one) installed with
 * {@code npm ci}. The install is reused while the shipped files are unchanged, so only the first
 * run on a machine reaches the npm registry.
 *
 * <p>Scripts are copied next to {@code node_modules} because node resolves a script's bare imports
 * from the script's own folder upwards, not from the working directory.
 */
public final class NodePackageCache {
  private static final String PACKAGE_JSON = "package.json";
  private static final String PACKAGE_LOCK = "package-lock.json";

  /** Written last, after a successful {@code npm ci}: an interrupted install is never reused. */
  private static final String INSTALLED_MARKER = ".shardstream-installed";

  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

  private final Path directory;
  private final Class<?> anchor;
  private final String resourceFolder;

  /**
   * @param resourceFolder folder of the shipped files, relative to {@code anchor}'s package
   */
  public NodePackageCache(Path directory, Class<?> anchor, String resourceFolder) {
    this.directory = directory.toAbsolutePath().normalize();
    this.anchor = anchor;
    this.resourceFolder = resourceFolder;
  }

  public Path directory() {
    return directory;
  }

  /** Runs {@code npm ci} unless this exact package set is installed already; true if it ran. */
  public boolean ensureInstalled(NodeToolchain toolchain) {
    byte[] packageJson = resource(PACKAGE_JSON);
    byte[] packageLock = resource(PACKAGE_LOCK);
    String fingerprint = sha256(packageJson, packageLock);
    Path marker = directory.resolve(INSTALLED_MARKER);
    try {
      if (Files.isRegularFile(marker)
          && Files.readString(marker).strip().equals(fingerprint)
          && Files.isDirectory(directory.resolve("node_modules"))) {
        return false;
      }
      Files.createDirectories(directory);
      Files.deleteIfExists(marker);
      Files.write(directory.resolve(PACKAGE_JSON), packageJson);
      Files.write(directory.resolve(PACKAGE_LOCK), packageLock);
      npmCi(toolchain);
      Files.writeString(marker, fingerprint + "\n");
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the node folder " + directory, e);
    }
  }

  /** Copies a shipped script into the folder (every time, so an edited script is picked up). */
  public Path copyScript(String name) {
    Path script = directory.resolve(name);
    try {
      Files.createDirectories(directory);
      Files.write(script, resource(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + script, e);
    }
    return script;
  }

  private void npmCi(NodeToolchain toolchain) throws IOException {
    // --ignore-scripts: nothing from the registry runs at install time.
    List<String> command =
        List.of(
            toolchain.npm(),
            "ci",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--loglevel=error");
    ProcessRunner.Result result = ProcessRunner.run(command, directory, INSTALL_TIMEOUT);
    if (!result.succeeded()) {
      throw new BenchException(
          "`npm ci` in "
              + directory
              + " failed (exit "
              + result.exitCode()
              + "); is the npm registry reachable?\n"
              + result.tail());
    }
  }

  private byte[] resource(String name) {
    String path = resourceFolder + "/" + name;
    try (InputStream in = anchor.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            "resource " + path + " next to " + anchor.getName() + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
        digest.update("\0".getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
