package io.shardstream.bench;

import io.shardstream.bench.keys.KeysCommand;
import io.shardstream.bench.query.QueryCommand;
import io.shardstream.bench.writer.WriterCommand;
import java.io.PrintWriter;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shardstream bench}: one subcommand per benchmark. A new benchmark is a new
 * {@code @Command} class listed in {@code subcommands} below.
 */
@Command(
    name = "shardstream bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmarks of shardstream, side by side with Entity Manager where it has a "
            + "counterpart.",
    subcommands = {
      KeysCommand.class,
      QueryCommand.class,
      WriterCommand.class,
      io.shardstream.bench.ingest.IngestCommand.class,
      io.shardstream.bench.faults.FaultsCommand.class,
      io.shardstream.bench.apiload.ApiLoadCommand.class,
      CommandLine.HelpCommand.class
    })
public final class BenchMain implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    String benchmarks =
        spec.subcommands().keySet().stream()
            .filter(name -> !name.equals("help"))
            .collect(Collectors.joining(", "));
    throw new ParameterException(
        spec.commandLine(), "Missing benchmark: choose one of " + benchmarks);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with a handler that shows a {@link BenchException} as one clear line. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new BenchMain());
    commandLine.setExecutionExceptionHandler(
        (e, cl, parseResult) -> {
          if (!(e instanceof BenchException)) {
            throw e;
          }
          PrintWriter err = cl.getErr();
          err.println(
              cl.getColorScheme().errorText(cl.getCommandName() + " failed: " + e.getMessage()));
          err.flush();
          return 1;
        });
    return commandLine;
  }
}
