package io.shardstream.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultResultTest {

  static FaultResult result(String name, long lost, long duplicated, long stale) {
    return new FaultResult(
        name,
        12.34,
        5000,
        lost,
        duplicated,
        stale,
        "counted 5000 of 5000 events",
        true,
        false,
        List.of());
  }

  @Test
  void aScenarioIsOneLineInTheIssuesFormat() {
    assertThat(result("dynamodb-outage", 0, 0, 0).line())
        .isEqualTo(
            "fault: dynamodb-outage recovered in 12.3 s, events 5000, lost 0, duplicated 0,"
                + " stale 0");
  }

  @Test
  void theSummaryAddsUpEveryScenario() {
    assertThat(
            FaultResult.summary(
                List.of(result("a", 1, 0, 2), result("b", 0, 3, 0), result("c", 0, 0, 0))))
        .isEqualTo("faults: 3 scenarios, lost 1, duplicated 3, stale 2");
  }

  @Test
  void cleanMeansNothingLostDuplicatedOrStaleAndCountersAddingUp() {
    assertThat(result("a", 0, 0, 0).clean()).isTrue();
    assertThat(result("a", 0, 0, 1).clean()).isFalse();
    assertThat(
            new FaultResult("a", 1, 1, 0, 0, 0, "counted 1 of 2", false, false, List.of()).clean())
        .isFalse();
  }
}
