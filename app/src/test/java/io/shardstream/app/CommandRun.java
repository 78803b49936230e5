package io.shardstream.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the {@code shardstream} command line in the test's JVM, with what it printed. */
record CommandRun(int exitCode, String out, String err) {

  /**
   * Runs the command line as {@link ShardstreamCommand#main} would, capturing stdout and stderr.
   */
  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ShardstreamCommand.newCommandLine();
    cli.setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    int exitCode = cli.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }
}
