package io.shardstream.bench.apiload;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.bench.BenchMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Usage errors of {@code bench api-load}: one line naming the problem, exit code 2, no run. */
class ApiLoadCommandTest {

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
  void noClientsIsRefused() {
    assertThat(usageError("api-load", "--clients", "0")).contains("--clients must be at least 1");
  }

  @Test
  void aRunOfNoTimeIsRefused() {
    assertThat(usageError("api-load", "--seconds", "0")).contains("--seconds must be at least 1");
  }

  @Test
  void theQueueWaitMustBeADuration() {
    assertThat(usageError("api-load", "--queue-wait", "soon"))
        .contains("'soon' is not a duration such as 500ms, 1s or 2m");
  }

  @Test
  void itIsListedAmongTheBenchmarks() {
    assertThat(BenchMain.commandLine().getSubcommands()).containsKey("api-load");
  }
}
