package io.shardstream.bench.faults;

import static io.shardstream.bench.UsageErrors.usageError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Usage errors of {@code bench faults}: one line naming the problem, exit code 2, no run. */
class FaultsCommandTest {

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
