package io.shardstream.bench.query;

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
 * {@code bench query} end to end on a small table: DynamoDB Local in this JVM, 2,000 users, both
 * searches paged to their end against the generated users, then a few measured pages.
 */
class QueryCommandTest {
  @Test
  void runsOnDynamoDbLocalAndEndsWithTheResultLine(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine bench = BenchMain.commandLine();
    bench.setOut(new PrintWriter(out));
    bench.setErr(new PrintWriter(err));
    Path report = dir.resolve("query.json");

    int exit =
        bench.execute(
            "query",
            "--users",
            "2000",
            "--pages",
            "8",
            "--warmup",
            "2",
            "--indexes",
            "searched",
            "--devstack-dir",
            dir.resolve("devstack").toString(),
            "--report",
            report.toString());

    assertThat(exit).as("stderr: %s", err).isZero();
    List<String> lines = out.toString().lines().toList();
    String last = lines.get(lines.size() - 1);
    assertThat(last).matches(QueryReportTest.LINE_FORMAT);
    assertThat(out.toString())
        .contains(
            "2,000 users (seed 42)",
            "16 shards × 2 indexes = 32 partitions",
            "3 global indexes",
            "check:   fan-out: paged session 0 to its end",
            "check:   single: paged session 0 to its end");
    assertThat(lines).anyMatch(line -> line.matches("fan-out +8 .*"));
    assertThat(lines).anyMatch(line -> line.matches("single +8 .*"));
    assertThat(err.toString()).contains("query: fill: 2,000 items in");
    assertThat(Files.readString(report)).contains("\"benchmark\" : \"query\"", last);
  }

  /**
   * {@code --vs entity-manager} on a small table: Entity Manager's own query in node (installed
   * into target/ on first use; needs node and npm) next to ours; ours must be exact.
   */
  @Test
  void comparesWithEntityManagerOnTheSameTable(@TempDir Path dir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine bench = BenchMain.commandLine();
    bench.setOut(new PrintWriter(out));
    bench.setErr(new PrintWriter(err));

    int exit =
        bench.execute(
            "query",
            "--vs",
            "entity-manager",
            "--users",
            "400",
            "--pages",
            "6",
            "--warmup",
            "2",
            "--indexes",
            "searched",
            "--node-dir",
            Path.of("target", "node-entity-manager-query").toString(),
            "--devstack-dir",
            dir.resolve("devstack").toString());

    assertThat(exit).as("stderr: %s", err).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(lines.size() - 1))
        .matches(
            "query-vs-em: name p50 \\d+\\.\\d ms vs \\d+\\.\\d ms \\(ratio \\d+\\.\\d{2}\\),"
                + " created p50 \\d+\\.\\d ms vs \\d+\\.\\d ms \\(ratio \\d+\\.\\d{2}\\),"
                + " exact ours yes, exact em (yes|no)");
    assertThat(out.toString())
        .contains("400 users (seed 42)", "Entity Manager 6.14.0 query()", "name:    shardstream");
  }

  @Test
  void refusesAnUnknownReference() {
    StringWriter err = new StringWriter();
    CommandLine bench = BenchMain.commandLine();
    bench.setErr(new PrintWriter(err));

    int exit = bench.execute("query", "--vs", "dynamoose");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--vs must be entity-manager");
  }

  @Test
  void rejectsImpossibleSettingsAsUsageErrors() {
    StringWriter err = new StringWriter();
    CommandLine bench = BenchMain.commandLine();
    bench.setErr(new PrintWriter(err));

    int exit = bench.execute("query", "--pages", "0");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--pages must be at least 1");
  }
}
