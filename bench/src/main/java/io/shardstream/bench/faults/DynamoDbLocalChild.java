package io.shardstream.bench.faults;

import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.testing.ProgressWait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DynamoDB Local as a separate OS process ({@link DynamoDbLocalMain}) on a fixed port and a kept
 * data folder: {@link #kill()} is SIGKILL (the tables stay in their SQLite file), {@link #start()}
 * serves the same tables on the same port again.
 */
final class DynamoDbLocalChild implements AutoCloseable {
  private final int port;
  private final Path dataDirectory;
  private final Path logDirectory;
  private Process process;
  private int starts;

  private DynamoDbLocalChild(int port, Path dataDirectory, Path logDirectory) {
    this.port = port;
    this.dataDirectory = dataDirectory;
    this.logDirectory = logDirectory;
  }

  /** Starts it on a free port; returns once it accepts connections. */
  static DynamoDbLocalChild start(Path dataDirectory, Path logDirectory) {
    DynamoDbLocalChild child = new DynamoDbLocalChild(freePort(), dataDirectory, logDirectory);
    child.start();
    return child;
  }

  DynamoDbEndpoint endpoint() {
    return new DynamoDbEndpoint(URI.create("http://localhost:" + port));
  }

  /** Starts the process (again), on the same port and data; returns once it serves. */
  synchronized void start() {
    Path log = logDirectory.resolve("dynamodb-" + ++starts + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                DynamoDbLocalMain.class.getName(),
                Integer.toString(port),
                dataDirectory.toAbsolutePath().toString()));
    try {
      Files.createDirectories(logDirectory);
      process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start DynamoDB Local's process", e);
    }
    Process started = process;
    ProgressWait.until("DynamoDB Local's process serves on port " + port, this::accepts)
        .progress("its start-up (see " + log + ")", ProgressWait.processStartup(started, log))
        .await();
  }

  /** SIGKILL; returns once the process is gone. */
  synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("DynamoDB Local's process survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private boolean accepts() {
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException("DynamoDB Local's process ended during its start");
    }
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    kill();
  }
}
