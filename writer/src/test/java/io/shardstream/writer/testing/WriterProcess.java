package io.shardstream.writer.testing;

import io.shardstream.writer.WriterMain;
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
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * {@link WriterMain} in a child JVM on this test JVM's own class path, with a settings file, its
 * ops port chosen here, and its output in a log file. {@link #kill()} is SIGKILL on Linux ({@link
 * Process#destroyForcibly()}): no shutdown hook, no commit, no close.
 */
public final class WriterProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  private final Process process;
  private final int httpPort;
  private final Path log;
  private final long startedNanos = System.nanoTime();

  private WriterProcess(Process process, int httpPort, Path log) {
    this.process = process;
    this.httpPort = httpPort;
    this.log = log;
  }

  /**
   * Starts {@code java -cp <java.class.path> io.shardstream.writer.WriterMain <settings>}.
   *
   * @param jvmOptions heap and the like
   */
  public static WriterProcess start(Path settings, Path log, List<String> jvmOptions) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(WriterMain.class.getName());
    command.add(settings.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    // Only the settings file and the port below decide: no SHARDSTREAM_* of the caller's shell.
    environment.keySet().removeIf(name -> name.startsWith("SHARDSTREAM_"));
    environment.put("SHARDSTREAM_HTTP_PORT", Integer.toString(port));
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
      return new WriterProcess(builder.start(), port, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the writer process", e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public int httpPort() {
    return httpPort;
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Seconds since this process was started. */
  public double ageSeconds() {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  /** SIGKILL, then waits until the process is gone; returns its exit code (137). */
  public int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the writer process " + pid() + " survived SIGKILL");
    }
    return process.exitValue();
  }

  /** SIGTERM (the shutdown hook stops the writer cleanly); the exit code, or -1 on a timeout. */
  public int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      return -1;
    }
    return process.exitValue();
  }

  /** {@code /health/ready} answers 200. */
  public boolean ready() {
    return status("/health/ready") == 200;
  }

  /** The HTTP status of a GET, or -1 when the server does not answer (yet). */
  public int status(String path) {
    try {
      return HTTP.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * Events this process counted (every outcome: applied, stale, duplicate, dead-lettered), from
   * {@code /metrics}; empty while the ops server does not answer.
   */
  public OptionalLong eventsCounted() {
    return sum("shardstream_writer_events_total{");
  }

  /** The sum of every sample of a Prometheus metric (name with its opening brace). */
  public OptionalLong sum(String sampleStart) {
    String body;
    try {
      HttpResponse<String> response =
          HTTP.send(request("/metrics"), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return OptionalLong.empty();
      }
      body = response.body();
    } catch (IOException e) {
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
    double total = 0;
    for (String line : body.split("\n")) {
      if (line.startsWith(sampleStart)) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return OptionalLong.of(Math.round(total));
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
        .timeout(Duration.ofSeconds(2))
        .build();
  }

  /** Kills the process if it still runs (a failed test must not leave it behind). */
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
