package io.shardstream.demo;

import io.shardstream.app.ModuleCommand;
import io.shardstream.app.ShardstreamCommand;
import io.shardstream.app.UsageErrorHandler;
import io.shardstream.app.UserErrorHandler;
import io.shardstream.devstack.Component;
import io.shardstream.devstack.DevStackException;
import io.shardstream.devstack.DynamoDbStorage;
import io.shardstream.devstack.KafkaStorage;
import io.shardstream.devstack.LocalStack;
import io.shardstream.devstack.LocalStackConfig;
import io.shardstream.devstack.LocalStackEndpoints;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shardstream demo}: the whole job on this machine — local Kafka, DynamoDB Local and schema
 * registry, the writer and the query API — fed with generated users, until Ctrl-C. A launcher of
 * its own (the {@code ./shardstream} script runs it on this module's class path): the local stack
 * is dev-only and stays out of the app module and its image.
 */
@Command(
    name = "shardstream demo",
    mixinStandardHelpOptions = true,
    versionProvider = ShardstreamCommand.Version.class,
    description = {
      ModuleCommand.DEMO_SUMMARY,
      "Kafka's event log, the writer's progress and the "
          + "DynamoDB table are kept between runs unless --fresh."
    })
public final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--users",
      defaultValue = "1000",
      description = "Users (persons with --model person) to generate. Default: ${DEFAULT-VALUE}.")
  int users;

  @Option(
      names = "--model",
      defaultValue = "user-email",
      converter = DemoModel.Converter.class,
      description =
          "The example model to run: user-email or person (persons with addresses, bank"
              + " accounts, contacts and employments; routes /v1/persons...). Default:"
              + " ${DEFAULT-VALUE}.")
  DemoModel model;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description = "Events per second; 0 = as fast as possible. Default: ${DEFAULT-VALUE}.")
  double rate;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Generator seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--http-port",
      defaultValue = "8080",
      description = "Query API port. Default: ${DEFAULT-VALUE}.")
  int httpPort;

  @Option(
      names = "--writer-port",
      defaultValue = "8090",
      description = "Writer /metrics and /health port. Default: ${DEFAULT-VALUE}.")
  int writerPort;

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

  @Option(names = "--fresh", description = "Delete the data of earlier runs first.")
  boolean fresh;

  @Option(
      names = "--in-memory",
      description =
          "Keep nothing between runs: DynamoDB tables in "
              + "memory, a new Kafka cluster and writer state each run.")
  boolean inMemory;

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Option(
      names = "--exit-after-start",
      hidden = true,
      description = "Stop once everything is up and the users are written (tests, smoke checks).")
  boolean exitAfterStart;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The app's handling of user errors, plus the local stack's: a port that is taken or no JDK for
   * the registry is one line and exit code 2.
   */
  static CommandLine commandLine() {
    return new CommandLine(new DemoCommand())
        .setExecutionExceptionHandler(new UserErrorHandler().alsoFor(DevStackException.class))
        .setParameterExceptionHandler(new UsageErrorHandler());
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Starting the local stack (Kafka, DynamoDB Local, schema registry) ...");
    out.flush();
    KeptDataConfig keptConfig = new KeptDataConfig(dataDirectory, model.configJson());
    if (keepsData() && !fresh) {
      keptConfig.checkResumable();
    }
    // The stack deletes its kept data itself on --fresh, once its ports are known to be free (so
    // never under a demo that is still running); the writer's state goes with it.
    try (LocalStack stack = LocalStack.start(stackConfig());
        DemoServices services =
            DemoServices.start(
                stack.endpoints(),
                dataDirectory,
                keepsData() && !fresh,
                writerPort,
                httpPort,
                model)) {
      // Ctrl-C runs the stack's shutdown hook: the writer must stop (and commit) before Kafka does.
      stack.closeBeforeStopping(services);
      if (keepsData()) {
        keptConfig.record();
      }
      LocalStackEndpoints endpoints = stack.endpoints();
      out.println("Local stack:");
      endpoints.describe().forEach(line -> out.println("  " + line));
      out.println("Writer:    /metrics and /health on http://localhost:" + services.writerPort());
      out.println(
          "Query API: "
              + services.queryApiUri()
              + " (OpenAPI: "
              + services.queryApiUri()
              + "/openapi.json)");
      out.println(
          "Console:   "
              + services.queryApiUri()
              + "/console/ (open it in a browser; dead letters and pipeline health included)");
      out.flush();
      if (model == DemoModel.PERSON) {
        DemoPersonFeed.Result fed =
            DemoPersonFeed.run(endpoints, users, seed, rate, noProgress, out);
        services.awaitWriter(fed.sent(), out);
        DemoExamples.printPerson(out, services.queryApiUri(), fed);
      } else {
        DemoFeed.Result fed = DemoFeed.run(endpoints, users, seed, rate, noProgress, out);
        services.awaitWriter(fed.sent(), out);
        DemoExamples.print(out, services.queryApiUri(), fed);
      }
      out.println("Press Ctrl-C to stop.");
      out.flush();
      if (!exitAfterStart) {
        awaitShutdown(stack);
      }
    }
    return 0;
  }

  /** Until Ctrl-C; the stack closes the services before its components. */
  private static void awaitShutdown(LocalStack stack) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
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

  /**
   * Kafka, the writer's state and the table are kept (or not) together: a kept event log with an
   * empty table would leave the table empty for good, since the writer resumes after what it
   * already wrote.
   */
  private LocalStackConfig stackConfig() {
    return LocalStackConfig.defaults()
        .withPort(Component.KAFKA, kafkaPort)
        .withPort(Component.DYNAMODB, dynamoDbPort)
        .withPort(Component.REGISTRY, registryPort)
        .withDataDirectory(dataDirectory)
        .withDynamoDbStorage(keepsData() ? DynamoDbStorage.PERSISTENT : DynamoDbStorage.IN_MEMORY)
        .withKafkaStorage(keepsData() ? KafkaStorage.PERSISTENT : KafkaStorage.PER_RUN)
        .withFresh(fresh);
  }

  private boolean keepsData() {
    return !inMemory;
  }
}
