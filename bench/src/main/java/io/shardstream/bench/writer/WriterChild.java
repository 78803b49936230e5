package io.shardstream.bench.writer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The writer ({@code io.shardstream.writer.WriterMain}) in a child JVM on this JVM's class path:
 * its own heap and RSS, measured apart from the broker and DynamoDB Local that run in this JVM.
 * Output goes to a log file; the ops port is chosen here.
 */
final class WriterChild implements AutoCloseable {
  static final String MAIN = "io.shardstream.writer.WriterMain";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  private final Process process;
  private final int port;
  private final Path log;

  private WriterChild(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static WriterChild start(Path settings, Path log, List<String> jvmOptions) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(javaTool("java").toString());
    if (Runtime.version().feature() >= 24) {
      // As the launcher does: Kafka and RocksDB use sun.misc.Unsafe and native access.
      command.add("--sun-misc-unsafe-memory-access=allow");
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MAIN);
    command.add(settings.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    // The settings file decides, not SHARDSTREAM_* variables of the caller's shell.
    environment.keySet().removeIf(name -> name.startsWith("SHARDSTREAM_"));
    environment.put("SHARDSTREAM_HTTP_PORT", Integer.toString(port));
    // The writer's own INFO lines (start, table, topics) in its log file.
    environment.put("SHARDSTREAM_LOG_LEVEL", "INFO");
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
      return new WriterChild(builder.start(), port, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the writer process", e);
    }
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The {@code /metrics} text, or empty while the ops server does not answer. */
  Optional<String> metrics() {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** A kB line of {@code /proc/<pid>/status} ({@code VmRSS}, {@code VmHWM}) in bytes. */
  OptionalLong procStatus(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith(field + ":")) {
          String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
          return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone
    }
    return OptionalLong.empty();
  }

  /** A full GC in the child ({@code jcmd <pid> GC.run}); false when jcmd is not there or fails. */
  boolean fullGc() {
    Path jcmd = javaTool("jcmd");
    if (!Files.isExecutable(jcmd)) {
      return false;
    }
    try {
      Process gc =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return gc.waitFor(60, TimeUnit.SECONDS) && gc.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGTERM: the writer commits and closes; the exit code, or -1 when it had to be killed. */
  int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      return -1;
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Path javaTool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
