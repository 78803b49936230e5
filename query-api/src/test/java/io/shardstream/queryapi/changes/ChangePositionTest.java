package io.shardstream.queryapi.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ChangePositionTest {

  @Test
  void isShortVersionedAndUrlSafe() {
    ChangePosition position = ChangePosition.of(0, 100, 1_000_000_000_000L);

    assertThat(position.text()).isEqualTo("1.0.2s.cre66i9s");
    assertThat(position.text()).matches("[0-9a-z.]+");
    assertThat(ChangePosition.parse(position.text())).isEqualTo(position);
    assertThat(ChangePosition.of().text()).isEqualTo("1");
  }

  @Property
  void everyPositionReadsBackAsItself(
      @ForAll @Size(max = 64)
          java.util.List<@LongRange(min = 0, max = Long.MAX_VALUE) Long> offsets) {
    ChangePosition position =
        ChangePosition.of(offsets.stream().mapToLong(Long::longValue).toArray());
    assertThat(ChangePosition.parse(position.text())).isEqualTo(position);
  }

  @Test
  void movesPastARecordOnItsPartitionOnly() {
    ChangePosition position = ChangePosition.of(5, 7);

    assertThat(position.after(1, 9)).isEqualTo(ChangePosition.of(5, 10));
    assertThat(position.after(0, 2)).isEqualTo(position); // already past it
    assertThat(position.after(3, 0)).isEqualTo(ChangePosition.of(5, 7, 0, 1));
    assertThat(position.next(5, 42)).isEqualTo(42);
    assertThat(position.max(ChangePosition.of(6, 1, 3))).isEqualTo(ChangePosition.of(6, 7, 3));
  }

  @Test
  void refusesWhatItDidNotWriteSayingWhy() {
    assertThatThrownBy(() -> ChangePosition.parse("2.0.1"))
        .hasMessageContaining("is not a position of the change feed");
    assertThatThrownBy(() -> ChangePosition.parse("1.0.x!"))
        .hasMessageContaining("partition 1 has no offset");
    assertThatThrownBy(() -> ChangePosition.parse("1..3"))
        .hasMessageContaining("partition 0 has no offset");
    assertThatThrownBy(() -> ChangePosition.parse("1.-5")).hasMessageContaining("negative");
    assertThatThrownBy(() -> ChangePosition.parse("1.+5")).hasMessageContaining("negative");
    assertThatThrownBy(() -> ChangePosition.parse("1" + ".0".repeat(10_001)))
        .hasMessageContaining("more than 10000 partitions");
    assertThatThrownBy(() -> ChangePosition.parse("")).hasMessageContaining("is not a position");
    assertThatThrownBy(() -> ChangePosition.of(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
