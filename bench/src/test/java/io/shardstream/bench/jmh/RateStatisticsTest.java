package io.shardstream.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateStatisticsTest {
  @Test
  void meanDeviationAndJmhStyleError() {
    RateStatistics statistics = RateStatistics.of(List.of(90.0, 100.0, 110.0));

    assertThat(statistics.mean()).isEqualTo(100.0);
    assertThat(statistics.standardDeviation()).isEqualTo(10.0, within(1e-9));
    // t(0.9995, 2 degrees of freedom) = 31.599; error = t × sd / √n
    assertThat(statistics.error99_9()).isEqualTo(31.599 * 10 / Math.sqrt(3), within(0.01));
  }

  @Test
  void oneIterationHasNoSpread() {
    RateStatistics statistics = RateStatistics.of(List.of(42.0));

    assertThat(statistics.mean()).isEqualTo(42.0);
    assertThat(statistics.error99_9()).isNaN();
  }
}
