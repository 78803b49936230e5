package io.shardstream.bench.faults;

import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.testing.ProgressWait;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;

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
    DynamoDbLocalChild child =
        new DynamoDbLocalChild(ChildJvm.freePort(), dataDirectory, logDirectory);
    child.start();
    return child;
  }

  DynamoDbEndpoint endpoint() {
    return new DynamoDbEndpoint(URI.create("http://localhost:" + port));
  }

  /** Starts the process (again), on the same port and data; returns once it serves. */
  synchronized void start() {
    Path log = logDirectory.resolve("dynamodb-" + ++starts + ".log");
    process =
        ChildJvm.start(
            "DynamoDB Local",
            log,
            DynamoDbLocalMain.class,
            Integer.toString(port),
            dataDirectory.toAbsolutePath().toString());
    Process started = process;
    ProgressWait.until("DynamoDB Local's process serves on port " + port, this::accepts)
        .progress("its start-up (see " + log + ")", ProgressWait.processStartup(started, log))
        .await();
  }

  /** SIGKILL; returns once the process is gone. */
  synchronized void kill() {
    if (process != null) {
      ChildJvm.kill("DynamoDB Local", process);
      process = null;
    }
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

  @Override
  public void close() {
    kill();
  }
}
