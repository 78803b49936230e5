package io.shardstream.bench.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.bench.BenchMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bench keys} end to end on a few hundred users with tiny iterations. JMH runs in this JVM
 * ({@code --forks 0}): Surefire launches tests through a manifest-only jar, whose java.class.path a
 * forked JMH JVM could not use.
 */
class KeysCommandTest {
  @Test
  void printsTheReportEndingWithTheResultLine(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine bench = BenchMain.commandLine();
    bench.setOut(new PrintWriter(out));
    bench.setErr(new PrintWriter(err));
    Path report = dir.resolve("keys.json");

    int exit =
        bench.execute(
            "keys",
            "--items",
            "300",
            "--forks",
            "0",
            "--warmups",
            "0",
            "--iterations",
            "2",
            "--iteration-time",
            "100ms",
            "--node-dir",
            NodeTestFolders.ENTITY_MANAGER.toString(),
            "--report",
            report.toString());

    assertThat(exit).as("stderr: %s", err).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(lines.size() - 1))
        .matches(
            "keys: shardstream \\d+ items/s, entity-manager \\d+ items/s, ratio \\d+\\.\\d{2}");
    assertThat(out.toString()).contains("300 users (seed 42)", "JMH 1.37", "entity-manager 6.14.0");
    assertThat(Files.readString(report))
        .contains("\"benchmark\" : \"keys\"", lines.get(lines.size() - 1));
  }

  @Test
  void rejectsImpossibleSettingsAsUsageErrors() {
    StringWriter err = new StringWriter();
    CommandLine bench = BenchMain.commandLine();
    bench.setErr(new PrintWriter(err));

    int exit = bench.execute("keys", "--iterations", "0");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("iterations >= 1");
  }
}
