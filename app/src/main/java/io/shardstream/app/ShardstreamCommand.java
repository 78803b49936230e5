package io.shardstream.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code shardstream} command line: one launcher, one subcommand per job. */
@Command(
    name = "shardstream",
    mixinStandardHelpOptions = true,
    versionProvider = ShardstreamCommand.Version.class,
    description =
        "Domain change events to a sharded DynamoDB single table, searchable across shards.",
    subcommands = {
      KeysCommand.class,
      TableCommand.class,
      GenerateCommand.class,
      IngestCommand.class,
      QueryApiCommand.class,
      WriterCommand.class,
      ReplayCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ShardstreamCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new ShardstreamCommand())
        .setExecutionExceptionHandler(new UserErrorHandler())
        .setParameterExceptionHandler(new UsageErrorHandler());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ShardstreamCommand.class.getPackage().getImplementationVersion();
      return new String[] {"shardstream " + (version == null ? "development build" : version)};
    }
  }
}
