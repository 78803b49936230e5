package io.shardstream.dynamo.control;

import static io.shardstream.dynamo.control.ControlFixtures.CONFIG_A;
import static io.shardstream.dynamo.control.ControlFixtures.CONFIG_B;
import static io.shardstream.dynamo.control.ControlFixtures.T1;
import static io.shardstream.dynamo.control.ControlFixtures.T2;
import static io.shardstream.dynamo.control.ControlFixtures.VERSION_A;
import static io.shardstream.dynamo.control.ControlFixtures.VERSION_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlRecordTest {
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
                Optional.of(VERSION_A),
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
                Optional.of(VERSION_B),
                T2,
                2));
    assertThat(rolledBack.rolledBack(T2).table())
        .as("a second rollback undoes the first")
        .isEqualTo("replayed");
  }

  @Test
  void aRecordWithoutAPreviousTableCannotBeRolledBack() {
    ControlRecord alone =
        new ControlRecord(
            "only",
            CONFIG_A,
            VERSION_A,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            T1,
            1);
    assertThatThrownBy(() -> alone.rolledBack(T2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("names no previous table")
        .hasMessageContaining("table only");
  }
}
