package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code shardstream help} names every command, the launcher's module commands included. */
class ShardstreamCommandTest {
  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  @Test
  void helpListsEveryCommandWithItsSummary() {
    CommandRun help = run("help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .containsPattern("(?m)^  demo +Start the local stack")
        .containsPattern("(?m)^  bench +Benchmarks of shardstream")
        .containsPattern("(?m)^  help +");
    for (String command : ShardstreamCommand.newCommandLine().getSubcommands().keySet()) {
      assertThat(help.out()).containsPattern("(?m)^  " + command + " +\\S");
    }
    assertThat(ShardstreamCommand.newCommandLine().getSubcommands().keySet())
        .contains(
            "writer", "query-api", "ingest", "generate", "replay", "table", "keys", "schemas");
  }

  @Test
  void aModuleCommandOutsideTheLauncherSaysWhereItRuns() {
    CommandRun demo = run("demo", "--users", "50");
    assertThat(demo.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
    assertThat(demo.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("shardstream demo: not part of this build")
        .endsWith("./shardstream demo");
  }
}
