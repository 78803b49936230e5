package io.shardstream.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apicurio Registry (in-memory storage) as a child process on a Java 21+ runtime. It is a Quarkus
 * application with its own class path and logging, so it runs beside this JVM rather than inside
 * it; its output goes to {@code <data folder>/registry/registry-<port>.log}.
 *
 * <p>The process is ended with its whole tree on {@link #stop()}, which {@link LocalStack} also
 * calls from a JVM shutdown hook; {@link RegistryPidFiles} covers JVMs that die without hooks.
 */
final class RegistryServer implements ManagedComponent {

  static final int MINIMUM_JAVA = 21;

  private static final Logger log = LoggerFactory.getLogger(RegistryServer.class);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  private final int configuredPort;
  private final Path registryDirectory;
  private final Duration startTimeout;
  private final RegistryDistribution distribution;
  private final JdkFinder jdkFinder;
  private ChildProcess process;
  private Path pidFile;
  private RegistryEndpoint endpoint;
  private final boolean persistent;

  /**
   * @param persistent keep the schemas between runs (an H2 database file under the data folder)
   *     instead of in memory
   */
  RegistryServer(
      int configuredPort,
      boolean persistent,
      Path dataDirectory,
      Duration startTimeout,
      RegistryDistribution distribution,
      JdkFinder jdkFinder) {
    this.configuredPort = configuredPort;
    this.persistent = persistent;
    this.registryDirectory = dataDirectory.resolve("registry");
    this.startTimeout = startTimeout;
    this.distribution = distribution;
    this.jdkFinder = jdkFinder;
  }

  @Override
  public Component component() {
    return Component.REGISTRY;
  }

  @Override
  public void preflight() {
    // Before the port check: a registry left by a killed JVM still holds its fixed port.
    RegistryPidFiles.endOrphans(registryDirectory);
    if (configuredPort != 0) {
      Ports.requireFree(Component.REGISTRY, configuredPort);
    }
    jdkFinder.findJavaExecutable();
    distribution.locateArchive();
  }

  @Override
  public void deleteKeptData() {
    try {
      FileTrees.delete(storageDirectory());
    } catch (IOException e) {
      throw new DevStackException(
          Component.REGISTRY, "cannot delete the registry's data in " + storageDirectory(), e);
    }
  }

  /** The schemas' database when they are kept (the distribution beside it is not data). */
  private Path storageDirectory() {
    return registryDirectory.resolve("storage");
  }

  @Override
  public void start() {
    Path java = jdkFinder.findJavaExecutable();
    Path launcher = distribution.launcherJar(registryDirectory);
    // Orphans were ended in preflight(), which LocalStack runs before any start().
    int port = Ports.resolve(Component.REGISTRY, configuredPort);
    Path logFile = registryDirectory.resolve("registry-" + port + ".log");
    try {
      Files.createDirectories(registryDirectory);
      process = ChildProcess.start(command(java, launcher, port), registryDirectory, logFile);
      pidFile = RegistryPidFiles.write(registryDirectory, port, process.pid());
    } catch (IOException e) {
      stop();
      throw new DevStackException(
          Component.REGISTRY, "cannot launch " + java + " -jar " + launcher, e);
    }
    endpoint = new RegistryEndpoint(URI.create("http://localhost:" + port));
  }

  @Override
  public void awaitReady() {
    URI readiness = endpoint.url().resolve(RegistryEndpoint.READINESS_PATH);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request =
        HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).GET().build();
    long deadline = System.nanoTime() + startTimeout.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw failure("exited with code " + process.exitValue() + " during start-up");
        }
        if (answers(http, request)) {
          log.info(
              "Apicurio Registry {} ready at {} (pid {})",
              distribution.version(),
              endpoint.url(),
              process.pid());
          return;
        }
        Thread.sleep(POLL_INTERVAL);
      }
      throw failure("did not answer " + readiness + " within " + startTimeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("start-up interrupted");
    }
  }

  RegistryEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public void stop() {
    ChildProcess running = process;
    process = null;
    if (running != null) {
      running.stop();
    }
    if (pidFile != null) {
      deleteQuietly(pidFile);
      pidFile = null;
    }
  }

  private List<String> command(Path java, Path launcher, int port) {
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                // Small and quick to boot: the registry serves a handful of schemas here.
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dquarkus.http.host=localhost",
                "-Dquarkus.http.port=" + port,
                // Health and metrics live on a separate management port (9000 by default); any free
                // one will do, so two stacks never clash on it.
                "-Dquarkus.management.host=localhost",
                "-Dquarkus.management.port=0",
                "-Dquarkus.banner.enabled=false",
                "-Dquarkus.log.level=WARN",
                "-Dquarkus.log.category.\"io.apicurio\".level=WARN",
                "-Dquarkus.log.category.\"io.quarkus.http.access-log\".level=WARN",
                // The default pool keeps 20 H2 connections open; in-memory H2 needs few.
                "-Dapicurio.datasource.jdbc.initial-size=2",
                "-Dapicurio.datasource.jdbc.min-size=2",
                "-Dapicurio.datasource.jdbc.max-size=10"));
    if (persistent) {
      // Apicurio 3 keeps its schemas in H2; a file database instead of its in-memory default.
      command.add(
          "-Dapicurio.datasource.url=jdbc:h2:file:"
              + storageDirectory().resolve("registry").toAbsolutePath()
              + ";DB_CLOSE_ON_EXIT=FALSE");
    }
    command.addAll(List.of("-jar", launcher.toString()));
    return command;
  }

  private static boolean answers(HttpClient http, HttpRequest request) throws InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYetListening) {
      return false;
    }
  }

  private DevStackException failure(String what) {
    String tail = logTail(process == null ? null : process.logFile());
    stop();
    int port = endpoint.url().getPort();
    if (tail.contains("Port " + port + " seems to be in use")) {
      // Quarkus's words for a port taken after the pre-flight check (another process was quicker).
      return new PortInUseException(Component.REGISTRY, port, null);
    }
    return new DevStackException(
        Component.REGISTRY,
        "Apicurio Registry "
            + what
            + "."
            + (tail.isEmpty() ? "" : " Last lines of its log:" + System.lineSeparator() + tail));
  }

  private static String logTail(Path logFile) {
    if (logFile == null || !Files.isReadable(logFile)) {
      return "";
    }
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join(
          System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.debug("could not delete {}", file, e);
    }
  }
}
