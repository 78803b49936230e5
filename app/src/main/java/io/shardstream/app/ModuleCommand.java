package io.shardstream.app;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * A command of the {@code ./shardstream} launcher that lives in a module of its own, on its own
 * class path: {@code demo} and {@code bench} run the dev-only local stack (devstack: the in-process
 * Kafka broker, DynamoDB Local), which must never reach this module's class path or the image built
 * from it. They are listed here only so that {@code shardstream help} names every command; the
 * launcher hands them to their module before this one is reached, so running one here means this is
 * a build without it (the container image).
 */
@Command(mixinStandardHelpOptions = true, versionProvider = ShardstreamCommand.Version.class)
public final class ModuleCommand implements Callable<Integer> {
  /**
   * {@code demo}'s line in {@code shardstream help}; the demo module's own usage starts with it.
   */
  public static final String DEMO_SUMMARY =
      "Start the local stack, the writer and the query API, generate users, and print example "
          + "requests; Ctrl-C stops everything.";

  /** {@code bench}'s line in {@code shardstream help}; the bench module's usage starts with it. */
  public static final String BENCH_SUMMARY =
      "Benchmarks of shardstream, side by side with Entity Manager where it has a counterpart.";

  /** The module commands, in the order {@code help} lists them. */
  static List<CommandLine> all() {
    return List.of(commandLine("demo", DEMO_SUMMARY), commandLine("bench", BENCH_SUMMARY));
  }

  private final String name;
  @Spec CommandLine.Model.CommandSpec spec;

  /** Whatever options the real command takes: this stand-in only explains where it runs. */
  @Unmatched List<String> arguments;

  private ModuleCommand(String name) {
    this.name = name;
  }

  private static CommandLine commandLine(String name, String summary) {
    CommandLine commandLine = new CommandLine(new ModuleCommand(name));
    commandLine.getCommandSpec().name(name);
    commandLine
        .getCommandSpec()
        .usageMessage()
        .description(
            summary,
            "Module '"
                + name
                + "', run by the repository's ./shardstream launcher with its own "
                + "class path (see `./shardstream "
                + name
                + " --help`); not part of this build.");
    return commandLine;
  }

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(
            spec.qualifiedName()
                + ": not part of this build (it runs the dev-only local stack); run it from a "
                + "checkout of the repository: ./shardstream "
                + name);
    return UserErrorHandler.USER_ERROR;
  }
}
