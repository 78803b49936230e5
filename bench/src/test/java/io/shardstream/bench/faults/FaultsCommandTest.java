package io.shardstream.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.bench.BenchMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Usage errors of {@code bench faults}: one line naming the problem, exit code 2, no run. */
class FaultsCommandTest {

  private static String usageError(String... arguments) {
    StringWriter err = new StringWriter();
    CommandLine bench = BenchMain.commandLine();
    bench.setErr(new PrintWriter(err));
    bench.setOut(new PrintWriter(new StringWriter()));

    int exit = bench.execute(arguments);

    assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(2);
    return err.toString();
  }

  @Test
  void anUnknownScenarioIsNamedWithTheChoices() {
    assertThat(usageError("faults", "--only", "dynamodb-outage,disk-full"))
        .contains(
            "--only: unknown scenario 'disk-full'; choose from dynamodb-outage, registry-outage,"
                + " broker-restart, writer-scale, query-api-kill");
  }

  @Test
  void aWorkloadTooSmallToStrikeMidRunIsRefused() {
    assertThat(usageError("faults", "--users", "5")).contains("--users must be at least 20");
  }

  @Test
  void anOutageMustBeADuration() {
    assertThat(usageError("faults", "--outage", "soon"))
        .contains("'soon' is not a duration such as 500ms, 1s or 2m");
  }
}
