package io.shardstream.bench.apiload;

import static io.shardstream.bench.UsageErrors.usageError;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.bench.BenchMain;
import org.junit.jupiter.api.Test;

/** Usage errors of {@code bench api-load}: one line naming the problem, exit code 2, no run. */
class ApiLoadCommandTest {

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
