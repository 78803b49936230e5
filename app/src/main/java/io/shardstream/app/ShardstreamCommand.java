package io.shardstream.app;

import org.slf4j.bridge.SLF4JBridgeHandler;
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
      ApiKeyCommand.class,
      SchemasCommand.class
    })
public final class ShardstreamCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  public static void main(String[] args) {
    routeJavaUtilLogging();
    System.exit(newCommandLine().execute(args));
  }

  /**
   * Libraries logging through java.util.logging (the registry client's Vert.x) would print in JUL's
   * own two-line format, past logback.xml's levels and filters; this sends them through it.
   */
  static void routeJavaUtilLogging() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  /**
   * The configured command line, shared by {@link #main} and tests: the service commands, then the
   * launcher's module commands ({@code demo}, {@code bench}) so that {@code help} lists every
   * command, then {@code help}.
   */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new ShardstreamCommand());
    ModuleCommand.all().forEach(commandLine::addSubcommand);
    return commandLine
        .addSubcommand(new CommandLine.HelpCommand())
        .setExecutionExceptionHandler(new UserErrorHandler())
        .setParameterExceptionHandler(new UsageErrorHandler());
  }

  /** The version line of {@code --version}, from the jar's manifest. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ShardstreamCommand.class.getPackage().getImplementationVersion();
      return new String[] {"shardstream " + (version == null ? "development build" : version)};
    }
  }
}
