package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code shardstream help} names every command, the launcher's module commands included. */
class ShardstreamCommandTest {
  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ShardstreamCommand.newCommandLine();
    cli.setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    int exitCode = cli.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  @Test
  void helpListsEveryCommandWithItsSummary() {
    Run help = run("help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .containsPattern("(?m)^  demo +Start the local stack")
        .containsPattern("(?m)^  bench +Benchmarks of shardstream")
        .containsPattern("(?m)^  help +");
    for (String command : ShardstreamCommand.newCommandLine().getSubcommands().keySet()) {
      assertThat(help.out()).containsPattern("(?m)^  " + command + " +\\S");
    }
    assertThat(ShardstreamCommand.newCommandLine().getSubcommands().keySet())
        .contains("writer", "query-api", "ingest", "generate", "replay", "table", "keys");
  }

  @Test
  void aModuleCommandOutsideTheLauncherSaysWhereItRuns() {
    Run demo = run("demo", "--users", "50");
    assertThat(demo.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
    assertThat(demo.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("shardstream demo: not part of this build")
        .endsWith("./shardstream demo");
  }
}
