package io.shardstream.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
  @Test
  void readsMillisecondsSecondsAndMinutes() {
    assertThat(DurationConverter.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(DurationConverter.parse("1.5s")).isEqualTo(Duration.ofMillis(1_500));
    assertThat(DurationConverter.parse("2m")).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void refusesWhatIsNotADuration() {
    assertThatThrownBy(() -> DurationConverter.parse("1 hour"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("500ms");
  }

  @Test
  void formatsShortest() {
    assertThat(DurationConverter.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(DurationConverter.format(Duration.ofSeconds(1))).isEqualTo("1s");
    assertThat(DurationConverter.format(Duration.ofMillis(1_500))).isEqualTo("1.5s");
  }

  @Test
  void settingsDescribeThemselves() {
    assertThat(new JmhSettings(1, 5, 5, Duration.ofSeconds(1)).describe())
        .isEqualTo("1 fork, 5×1s warm-up, 5×1s measured");
  }
}
