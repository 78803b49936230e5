package io.shardstream.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void nearestRankOfAHundredSamplesIsTheSampleAtThatRank() {
    long[] samples = LongStream.rangeClosed(1, 100).toArray();

    assertThat(Percentiles.nearestRank(samples, 50)).isEqualTo(50);
    assertThat(Percentiles.nearestRank(samples, 99)).isEqualTo(99);
    assertThat(Percentiles.nearestRank(samples, 100)).isEqualTo(100);
  }

  @Test
  void nearestRankOfThreeHundredSamplesHasNoFloatingPointSlip() {
    long[] samples = LongStream.rangeClosed(1, 300).toArray();

    assertThat(Percentiles.nearestRank(samples, 99)).isEqualTo(297);
    assertThat(Percentiles.nearestRank(samples, 50)).isEqualTo(150);
  }

  @Test
  void oneSampleIsEveryPercentile() {
    assertThat(Percentiles.nearestRank(new long[] {7}, 1)).isEqualTo(7);
    assertThat(Percentiles.nearestRank(new long[] {7}, 99)).isEqualTo(7);
  }

  @Test
  void refusesNoSamplesAndPercentsOutOfRange() {
    assertThatThrownBy(() -> Percentiles.nearestRank(new long[0], 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
