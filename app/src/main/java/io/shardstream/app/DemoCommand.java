package io.shardstream.app;

import io.shardstream.devstack.Component;
import io.shardstream.devstack.DynamoDbStorage;
import io.shardstream.devstack.LocalStack;
import io.shardstream.devstack.LocalStackConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shardstream demo}: starts the local stack (Kafka, DynamoDB Local, schema registry) and
 * prints its endpoints until Ctrl-C. Later steps add the writer and the query API to it.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Start the local stack (Kafka, DynamoDB Local, schema registry) and print its "
            + "endpoints; Ctrl-C stops everything.")
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--kafka-port",
      defaultValue = "9092",
      description = "Kafka port (0 = any free port). Default: ${DEFAULT-VALUE}.")
  int kafkaPort;

  @Option(
      names = "--dynamodb-port",
      defaultValue = "8000",
      description = "DynamoDB Local port. Default: ${DEFAULT-VALUE}.")
  int dynamoDbPort;

  @Option(
      names = "--registry-port",
      defaultValue = "8081",
      description = "Schema registry port. Default: ${DEFAULT-VALUE}.")
  int registryPort;

  @Option(
      names = "--data-dir",
      defaultValue = ".shardstream/devstack",
      description = "Where the stack keeps its data. Default: ${DEFAULT-VALUE}.")
  Path dataDirectory;

  @Option(names = "--in-memory", description = "Keep DynamoDB tables in memory only.")
  boolean inMemory;

  @Option(
      names = "--exit-after-start",
      hidden = true,
      description = "Stop right after start-up (for tests and smoke checks).")
  boolean exitAfterStart;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Starting the local stack (Kafka, DynamoDB Local, schema registry) ...");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    try (LocalStack stack = LocalStack.start(config())) {
      out.println("shardstream demo is up:");
      stack.endpoints().describe().forEach(line -> out.println("  " + line));
      out.println("Press Ctrl-C to stop.");
      out.flush();
      if (!exitAfterStart) {
        Runtime.getRuntime()
            .addShutdownHook(
                Thread.ofPlatform()
                    .unstarted(
                        () -> {
                          stack.stop();
                          stopped.countDown();
                        }));
        stopped.await();
      }
    }
    return 0;
  }

  private LocalStackConfig config() {
    return LocalStackConfig.defaults()
        .withPort(Component.KAFKA, kafkaPort)
        .withPort(Component.DYNAMODB, dynamoDbPort)
        .withPort(Component.REGISTRY, registryPort)
        .withDataDirectory(dataDirectory)
        .withDynamoDbStorage(inMemory ? DynamoDbStorage.IN_MEMORY : DynamoDbStorage.PERSISTENT);
  }
}
