package io.shardstream.bench.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.bench.BenchMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ChartOptionTest {

  @Test
  void everyBenchmarkTakesTheChartOption() {
    Map<String, CommandLine> benchmarks = BenchMain.commandLine().getSubcommands();

    assertThat(benchmarks).containsKeys("keys", "query", "writer", "ingest", "faults");
    benchmarks.forEach(
        (name, command) -> {
          if (!name.equals("help")) {
            assertThat(command.getCommandSpec().findOption(ChartOption.NAME))
                .as("bench %s %s", name, ChartOption.NAME)
                .isNotNull();
          }
        });
  }

  @Test
  void aFileThatIsNoSvgIsRefusedBeforeTheRun() {
    StringWriter err = new StringWriter();
    CommandLine bench = BenchMain.commandLine();
    bench.setErr(new PrintWriter(err));
    bench.setOut(new PrintWriter(new StringWriter()));

    int exit = bench.execute("keys", "--chart", "keys.png");

    assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(2);
    assertThat(err.toString()).contains("--chart must name an .svg file, got keys.png");
  }
}
