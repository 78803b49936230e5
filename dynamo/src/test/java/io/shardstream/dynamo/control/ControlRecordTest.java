package io.shardstream.dynamo.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.schemas.ExampleConfigs;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlRecordTest {
  private static final String CONFIG_A = ExampleConfigs.userEmail();
  private static final String CONFIG_B =
      CONFIG_A.replace("\"charBits\": 2, \"chars\": 2 }", "\"charBits\": 2, \"chars\": 3 }");
  private static final String VERSION_A = ConfigLoader.parse(CONFIG_A).version();
  private static final String VERSION_B = ConfigLoader.parse(CONFIG_B).version();
  private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2026-01-02T00:00:00Z");

  @Test
  void theFirstSwitchNamesTheTableServedBeforeItSoItCanBeRolledBack() {
    assertThat(VERSION_B).isNotEqualTo(VERSION_A);
    ControlRecord live = ControlRecord.beforeFirstSwitch("live", CONFIG_A, VERSION_A);
    assertThat(live.revision()).as("never written").isZero();

    ControlRecord first = live.switchedTo("replayed", CONFIG_B, VERSION_B, T1);
    assertThat(first)
        .isEqualTo(
            new ControlRecord(
                "replayed",
                CONFIG_B,
                VERSION_B,
                Optional.of("live"),
                Optional.of(CONFIG_A),
                T1,
                1));

    ControlRecord rolledBack = first.rolledBack(T2);
    assertThat(rolledBack)
        .isEqualTo(
            new ControlRecord(
                "live",
                CONFIG_A,
                VERSION_A,
                Optional.of("replayed"),
                Optional.of(CONFIG_B),
                T2,
                2));
    assertThat(rolledBack.rolledBack(T2).table())
        .as("a second rollback undoes the first")
        .isEqualTo("replayed");
  }

  @Test
  void aRecordWithoutAPreviousTableCannotBeRolledBack() {
    ControlRecord alone =
        new ControlRecord("only", CONFIG_A, VERSION_A, Optional.empty(), Optional.empty(), T1, 1);
    assertThatThrownBy(() -> alone.rolledBack(T2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("names no previous table")
        .hasMessageContaining("table only");
  }
}
