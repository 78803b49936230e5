package io.shardstream.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstReadSizesTest {
  @Test
  void readsTheFewestItemsThatRunOutRarely() {
    // P(Poisson(0.03) >= 1) = 0.03; P(Poisson(1.6) >= 5) = 0.024 but >= 4 is 0.079.
    assertThat(FirstReadSizes.enoughFor(0.03)).isEqualTo(1);
    assertThat(FirstReadSizes.enoughFor(1.6)).isEqualTo(5);
    assertThat(FirstReadSizes.enoughFor(0)).isEqualTo(1);
  }

  @Test
  void evenShareIsTheRoundedUpShareAndOneMore() {
    assertThat(FirstReadSizes.evenShare(25, 32)).isEqualTo(2);
    assertThat(FirstReadSizes.evenShare(25, 1)).isEqualTo(26);
    assertThat(FirstReadSizes.evenShare(25, 0)).isEqualTo(1);
  }
}
