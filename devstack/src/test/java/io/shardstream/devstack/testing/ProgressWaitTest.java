package io.shardstream.devstack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Runs on virtual time: each poll's sleep advances the clock, so minutes take milliseconds. */
class ProgressWaitTest {

  /** A clock whose sleep only moves time on. */
  private static final class VirtualClock implements ProgressWait.Clock {
    long nanos;

    @Override
    public long nanoTime() {
      return nanos;
    }

    @Override
    public void sleep(Duration duration) {
      nanos += duration.toNanos();
    }

    Duration elapsed() {
      return Duration.ofNanos(nanos);
    }
  }

  @Test
  void slowButMovingProgressKeepsWaitingFarBeyondTheStallTimeout() {
    VirtualClock clock = new VirtualClock();
    // One unit of work every 20 s of virtual time; done at 30 units, i.e. after 10 minutes.
    AtomicLong done = new AtomicLong();
    ProgressWait.until("all 30 units processed", () -> done.get() >= 30)
        .progress("units done", () -> done.get())
        .stallTimeout(Duration.ofSeconds(30))
        .clock(
            new ProgressWait.Clock() {
              @Override
              public long nanoTime() {
                return clock.nanoTime();
              }

              @Override
              public void sleep(Duration duration) {
                clock.sleep(duration);
                done.set(clock.nanos / Duration.ofSeconds(20).toNanos());
              }
            })
        .await();

    assertThat(done.get()).isEqualTo(30);
    assertThat(clock.elapsed()).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void failsWhenNothingMovesForTheStallTimeoutNamingWhatAndItsLastValue() {
    VirtualClock clock = new VirtualClock();
    ProgressWait wait =
        ProgressWait.until("phase 1 consumed", () -> false)
            .progress("consumer lag", () -> 4555L)
            .stallTimeout(Duration.ofSeconds(45))
            .clock(clock);

    assertThatThrownBy(wait::await)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("phase 1 consumed")
        .hasMessageContaining("consumer lag stopped moving")
        .hasMessageContaining("stuck at 4555");
    assertThat(clock.elapsed())
        .isGreaterThanOrEqualTo(Duration.ofSeconds(45))
        .isLessThan(Duration.ofSeconds(46));
  }

  @Test
  void aStallAfterProgressCountsFromTheLastChange() {
    VirtualClock clock = new VirtualClock();
    // Moves for the first 100 s, then stops at 1000.
    ProgressWait wait =
        ProgressWait.until("rows written", () -> false)
            .progress("row count", () -> Math.min(clock.nanos / 100_000_000L, 1000))
            .stallTimeout(Duration.ofSeconds(30))
            .clock(clock);

    assertThatThrownBy(wait::await).hasMessageContaining("stuck at 1000");
    assertThat(clock.elapsed())
        .isGreaterThanOrEqualTo(Duration.ofSeconds(130))
        .isLessThan(Duration.ofSeconds(131));
  }

  @Test
  void theCapStopsAValueThatChangesForeverWithoutTheConditionHolding() {
    VirtualClock clock = new VirtualClock();
    ProgressWait wait =
        ProgressWait.until("never", () -> false)
            .progress("ticks", () -> clock.nanos)
            .cap(Duration.ofMinutes(5))
            .clock(clock);

    assertThatThrownBy(wait::await).hasMessageContaining("safety cap PT5M");
    assertThat(clock.elapsed()).isLessThan(Duration.ofMinutes(6));
  }

  @Test
  void tryAwaitAnswersFalseOnAStallAndTrueWhenTheConditionHolds() {
    VirtualClock clock = new VirtualClock();
    assertThat(
            ProgressWait.until("stuck", () -> false)
                .progress("records read", () -> 3)
                .clock(clock)
                .tryAwait())
        .isFalse();
    assertThat(clock.elapsed()).isGreaterThanOrEqualTo(ProgressWait.DEFAULT_STALL_TIMEOUT);
    assertThat(ProgressWait.until("done", () -> true).clock(clock).tryAwait()).isTrue();
  }

  @Test
  void aConditionAlreadyTrueReturnsAtOnce() {
    VirtualClock clock = new VirtualClock();
    assertThatCode(() -> ProgressWait.until("done", () -> true).clock(clock).await())
        .doesNotThrowAnyException();
    assertThat(clock.nanos).isZero();
  }
}
