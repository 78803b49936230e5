package io.shardstream.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.app.ModuleCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo's own launcher: its usage and its user errors (the local stack's) as one line. */
class DemoCommandTest {
  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = DemoCommand.commandLine();
    cli.setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    int exitCode = cli.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  @Test
  void aTakenPortIsOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Run run =
          run(
              "--exit-after-start",
              "--kafka-port",
              "0",
              "--registry-port",
              "0",
              "--dynamodb-port",
              Integer.toString(taken.getLocalPort()),
              "--data-dir",
              dir.toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().lines().toList())
          .singleElement()
          .asString()
          .startsWith("shardstream demo: ")
          .contains("port " + taken.getLocalPort())
          .contains("already in use");
    }
  }

  @Test
  void dataKeptUnderAnotherConfigIsOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("kafka"));
    Files.writeString(dir.resolve(KeptDataConfig.FILE_NAME), "{\"generatedKeyDelimiter\":\"|\"}");
    Run run = run("--exit-after-start", "--data-dir", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("shardstream demo: ")
        .contains("another entity configuration")
        .contains("--fresh");
  }

  @Test
  void usageStartsWithTheLineShardstreamHelpShows() {
    Run help = run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .startsWith("Usage: shardstream demo ")
        .contains(ModuleCommand.DEMO_SUMMARY.substring(0, 40))
        .contains("--users=<users>");
  }
}
