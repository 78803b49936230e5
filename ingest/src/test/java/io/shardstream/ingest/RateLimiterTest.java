package io.shardstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private long now = 1_000_000_000L;
  private final List<Long> sleeps = new ArrayList<>();
  private final RateLimiter.Sleeper sleeper =
      nanos -> {
        sleeps.add(nanos);
        now += nanos;
      };

  @Test
  void spacesEventsEvenly() {
    RateLimiter limiter = RateLimiter.perSecond(100, () -> now, sleeper);

    for (int i = 0; i < 101; i++) {
      limiter.acquire();
    }

    assertThat(now - 1_000_000_000L)
        .as("100 intervals of 10 ms")
        .isEqualTo(TimeUnit.SECONDS.toNanos(1));
  }

  @Test
  void catchesUpAfterAShortStallButNotAfterALongOne() {
    RateLimiter limiter = RateLimiter.perSecond(10, () -> now, sleeper);
    limiter.acquire();
    now += TimeUnit.MILLISECONDS.toNanos(500); // a GC pause: 5 permits late
    sleeps.clear();

    for (int i = 0; i < 5; i++) {
      limiter.acquire();
    }
    assertThat(sleeps).as("the late permits go at once").isEmpty();

    now += TimeUnit.SECONDS.toNanos(10); // a long stall is forgiven, not flooded
    limiter.acquire();
    limiter.acquire();
    assertThat(sleeps).containsExactly(TimeUnit.MILLISECONDS.toNanos(100));
  }

  @Test
  void zeroMeansUnlimited() {
    RateLimiter limiter = RateLimiter.perSecond(0, () -> now, sleeper);

    for (int i = 0; i < 1000; i++) {
      limiter.acquire();
    }

    assertThat(limiter.isUnlimited()).isTrue();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void refusesNegativeRates() {
    assertThatThrownBy(() -> RateLimiter.perSecond(-1))
        .hasMessageContaining("0 (as fast as possible)")
        .hasMessageContaining("got -1.0");
    assertThatThrownBy(() -> RateLimiter.perSecond(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
