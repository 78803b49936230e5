package io.shardstream.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {
  private static final TopicPartition USERS_0 = new TopicPartition("users", 0);
  private static final TopicPartition USERS_1 = new TopicPartition("users", 1);
  private static final TopicPartition CASCADE_0 = new TopicPartition("cascade", 0);

  @Test
  void lagIsEndMinusCommittedOrMinusBeginningWhereNothingIsCommitted() {
    ConsumerLag lag =
        ConsumerLag.compute(
            Map.of(USERS_0, 0L, USERS_1, 40L, CASCADE_0, 0L),
            Map.of(USERS_0, 100L, USERS_1, 50L, CASCADE_0, 7L),
            Map.of(USERS_0, 60L, CASCADE_0, 7L));
    assertThat(lag.lags())
        .containsEntry(USERS_0, 40L)
        .containsEntry(USERS_1, 10L)
        .containsEntry(CASCADE_0, 0L);
    assertThat(lag.lag(List.of("users"))).isEqualTo(50);
    assertThat(lag.lag(List.of("cascade"))).isZero();
    assertThat(lag.total()).isEqualTo(50);
    assertThat(lag.endOffsets(List.of("users"))).isEqualTo(150);
    assertThat(lag.positions(List.of("users")))
        .containsOnly(Map.entry(USERS_0, 60L), Map.entry(USERS_1, 40L));
  }

  @Test
  void aCommittedOffsetPastTheEndCountsAsNoLag() {
    // Offsets of a recreated topic, or an end offset read before the commit: never negative.
    ConsumerLag lag = ConsumerLag.compute(Map.of(), Map.of(USERS_0, 5L), Map.of(USERS_0, 9L));
    assertThat(lag.total()).isZero();
  }

  @Test
  void aGroupThatCommittedNothingHasTheWholeTopicAhead() {
    ConsumerLag lag = ConsumerLag.compute(Map.of(USERS_0, 0L), Map.of(USERS_0, 12L), Map.of());
    assertThat(lag.total()).isEqualTo(12);
  }
}
