package io.shardstream.bench.node;

import io.shardstream.bench.BenchException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The {@code node} and {@code npm} programs on the PATH, checked once so a missing or broken
 * install is reported as such instead of as a failed benchmark.
 *
 * @param nodeVersion what {@code node --version} prints, e.g. {@code v20.20.2}
 */
public record NodeToolchain(String node, String npm, String nodeVersion, String npmVersion) {
  /** Node 18.3 brought {@code util.parseArgs}, which the scripts use. */
  public static final int MIN_NODE_MAJOR = 18;

  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
  private static final String INSTALL_HINT =
      "install Node.js "
          + MIN_NODE_MAJOR
          + " or newer with npm (e.g. `apt-get install nodejs npm`) and make sure both are on the"
          + " PATH";

  /** Finds node and npm on the PATH, or says clearly that they are missing. */
  public static NodeToolchain detect() {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("win");
    String node = windows ? "node.exe" : "node";
    String npm = windows ? "npm.cmd" : "npm";
    String nodeVersion = version(node);
    String npmVersion = version(npm);
    if (major(nodeVersion) < MIN_NODE_MAJOR) {
      throw new BenchException("node " + nodeVersion + " is too old: " + INSTALL_HINT);
    }
    return new NodeToolchain(node, npm, nodeVersion, npmVersion);
  }

  private static String version(String program) {
    ProcessRunner.Result result;
    try {
      result = ProcessRunner.run(List.of(program, "--version"), Path.of("."), VERSION_TIMEOUT);
    } catch (IOException e) {
      throw new BenchException(
          "`" + program + "` was not found on the PATH (" + e.getMessage() + "): " + INSTALL_HINT,
          e);
    }
    if (!result.succeeded()) {
      throw new BenchException(
          "`" + program + " --version` failed (exit " + result.exitCode() + "): " + result.tail());
    }
    return result.stdout().strip();
  }

  private static int major(String nodeVersion) {
    String digits = nodeVersion.replaceFirst("^v", "").replaceFirst("\\..*$", "");
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new BenchException("cannot read node's version from '" + nodeVersion + "'", e);
    }
  }
}
