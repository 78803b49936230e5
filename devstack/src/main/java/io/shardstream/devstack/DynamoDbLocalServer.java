package io.shardstream.devstack;

import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB Local serving HTTP from this JVM. Its SQLite engine (sqlite4java) unpacks its own native
 * library to {@code java.io.tmpdir} on first use, so nothing needs to be set up for it.
 */
final class DynamoDbLocalServer implements ManagedComponent {

  private static final Logger log = LoggerFactory.getLogger(DynamoDbLocalServer.class);

  private final int configuredPort;
  private final DynamoDbStorage storage;
  private final Path storageDirectory;
  private DynamoDBProxyServer server;
  private DynamoDbEndpoint endpoint;

  DynamoDbLocalServer(int configuredPort, DynamoDbStorage storage, Path dataDirectory) {
    this.configuredPort = configuredPort;
    this.storage = storage;
    this.storageDirectory = dataDirectory.resolve("dynamodb");
  }

  @Override
  public Component component() {
    return Component.DYNAMODB;
  }

  @Override
  public void preflight() {
    if (configuredPort != 0) {
      Ports.requireFree(Component.DYNAMODB, configuredPort);
    }
  }

  @Override
  public void deleteKeptData() {
    try {
      FileTrees.delete(storageDirectory);
    } catch (IOException e) {
      throw new DevStackException(
          Component.DYNAMODB, "cannot delete DynamoDB Local's data in " + storageDirectory, e);
    }
  }

  @Override
  public void start() {
    // DynamoDB Local cannot report the port it bound, so port 0 becomes a concrete free port here.
    int port = Ports.resolve(Component.DYNAMODB, configuredPort);
    try {
      CommandLineInput input = new CommandLineInput(arguments(port));
      input.init();
      // createServer(input) is createServerFromCommandLineArgs(args) without the banner it
      // prints to stdout.
      server = ServerRunner.createServer(input);
      server.start();
      endpoint = new DynamoDbEndpoint(URI.create("http://localhost:" + port));
      log.info("DynamoDB Local ready at {} ({})", endpoint.url(), storage);
    } catch (Exception e) {
      stop();
      if (e instanceof BindException || e.getCause() instanceof BindException) {
        throw new PortInUseException(Component.DYNAMODB, port, e);
      }
      throw new DevStackException(
          Component.DYNAMODB,
          "DynamoDB Local failed to start on port " + port + ": " + e.getMessage(),
          e);
    }
  }

  DynamoDbEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public void stop() {
    DynamoDBProxyServer running = server;
    server = null;
    if (running == null) {
      return;
    }
    try {
      running.stop();
    } catch (Exception e) {
      log.warn("DynamoDB Local did not stop cleanly", e);
    }
  }

  private String[] arguments(int port) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-port",
                String.valueOf(port),
                "-disableTelemetry",
                // One database for every region and access key: the writer and the query API
                // must see the same tables whatever credentials their SDKs were given.
                "-sharedDb"));
    if (storage == DynamoDbStorage.IN_MEMORY) {
      args.add("-inMemory");
    } else {
      Files.createDirectories(storageDirectory);
      args.addAll(List.of("-dbPath", storageDirectory.toString()));
    }
    return args.toArray(String[]::new);
  }
}
