package io.shardstream.bench.writer;

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
 * {@code bench writer} end to end on a tiny workload: devstack in this JVM, 2,000 events, the
 * writer as a child JVM, the raw side with its calibration; the report ends with the result line.
 */
class WriterCommandTest {
  @Test
  void runsEndToEndAndEndsWithTheResultLine(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine bench = BenchMain.commandLine();
    bench.setOut(new PrintWriter(out));
    bench.setErr(new PrintWriter(err));
    Path report = dir.resolve("writer.json");

    int exit =
        bench.execute(
            "writer",
            "--events",
            "2000",
            "--writer-heap",
            "256m",
            "--devstack-dir",
            dir.resolve("devstack").toString(),
            "--work-dir",
            dir.resolve("work").toString(),
            "--report",
            report.toString());

    assertThat(exit).as("stderr: %s", err).isZero();
    List<String> lines = out.toString().lines().toList();
    String last = lines.get(lines.size() - 1);
    assertThat(last).matches(WriterReportTest.LINE_FORMAT);
    assertThat(out.toString())
        .contains(
            "2,000 events (seed 42)",
            "12 global indexes",
            "applied 2,000",
            "raw calibration (before the writer, warming DynamoDB Local up): 2 in flight",
            "RSS");
    assertThat(err.toString()).contains("writer: checked: the table holds 2,000 items");
    assertThat(Files.readString(report)).contains("\"benchmark\" : \"writer\"", last);
    assertThat(dir.resolve("work").resolve("writer.log")).exists();
  }

  @Test
  void rejectsImpossibleSettingsAsUsageErrors() {
    StringWriter err = new StringWriter();
    CommandLine bench = BenchMain.commandLine();
    bench.setErr(new PrintWriter(err));

    int exit = bench.execute("writer", "--events", "10");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--events must be at least 100");
  }
}
