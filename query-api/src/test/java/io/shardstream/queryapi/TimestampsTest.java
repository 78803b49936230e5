package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.queryapi.Timestamps.Bound;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static final long JAN_1_2025 = 1735689600000L;

  @Test
  void readsMillisDateTimesWithOffsetsAndWholeDays() {
    assertThat(Timestamps.parse("1735689600000", Bound.FROM)).isEqualTo(JAN_1_2025);
    assertThat(Timestamps.parse("2025-01-01T00:00:00Z", Bound.TO)).isEqualTo(JAN_1_2025);
    assertThat(Timestamps.parse("2025-01-01T01:00:00.250+01:00", Bound.FROM))
        .isEqualTo(JAN_1_2025 + 250);
    // An unencoded '+' arrives as a space.
    assertThat(Timestamps.parse("2025-01-01T01:00:00 01:00", Bound.FROM)).isEqualTo(JAN_1_2025);
    assertThat(Timestamps.parse("2025-01-01", Bound.FROM)).isEqualTo(JAN_1_2025);
    assertThat(Timestamps.parse("2025-01-01", Bound.TO)).isEqualTo(JAN_1_2025 + 86_399_999L);
    assertThat(Timestamps.parse("0", Bound.FROM)).isZero();
    assertThat(Timestamps.parse("9999-12-31", Bound.TO)).isEqualTo(Timestamps.LATEST);
  }

  @Test
  void refusesWhatIsNotATimeOrOutOfRange() {
    for (String bad :
        new String[] {
          "yesterday",
          "2025-13-01",
          "2025-02-30",
          "2025-01-01T00:00",
          "-1",
          "1e9",
          "999999999999999999",
          "+10000-01-01T00:00:00Z",
          "1969-12-31T23:59:59Z",
          "2025-01-01T00:00:00Z[Europe/Paris]",
          " "
        }) {
      assertThatThrownBy(() -> Timestamps.parse(bad, Bound.FROM))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
