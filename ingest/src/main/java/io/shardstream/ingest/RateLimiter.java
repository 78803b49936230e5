package io.shardstream.ingest;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Paces a single producing thread to at most a number of events per second. Permits follow a fixed
 * schedule, so a short stall (a GC pause, a slow flush) is caught up with a burst of at most one
 * second's worth; a longer one is forgiven rather than flooding the broker afterwards.
 */
public final class RateLimiter {
  private static final long MAX_CATCH_UP_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final Sleeper sleeper;
  private long nextPermit;
  private boolean started;

  /** Sleeps for some nanoseconds; replaceable in tests. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long nanos);
  }

  private RateLimiter(double eventsPerSecond, LongSupplier nanoClock, Sleeper sleeper) {
    requireRate(eventsPerSecond);
    this.intervalNanos = eventsPerSecond == 0 ? 0 : Math.max(1, Math.round(1e9 / eventsPerSecond));
    this.nanoClock = nanoClock;
    this.sleeper = sleeper;
  }

  /**
   * The rule for a rate: 0 (as fast as possible) or a finite number of events per second.
   *
   * @throws IllegalArgumentException saying the rule, for a value outside it
   */
  public static double requireRate(double eventsPerSecond) {
    if (!(eventsPerSecond >= 0) || Double.isInfinite(eventsPerSecond)) {
      throw new IllegalArgumentException(
          "must be 0 (as fast as possible) or a finite number of "
              + "events per second above 0, got "
              + eventsPerSecond);
    }
    return eventsPerSecond;
  }

  /** At most {@code eventsPerSecond} (0 = as fast as possible). */
  public static RateLimiter perSecond(double eventsPerSecond) {
    return new RateLimiter(eventsPerSecond, System::nanoTime, LockSupport::parkNanos);
  }

  public static RateLimiter unlimited() {
    return perSecond(0);
  }

  /** For tests: a fake clock and sleeper. */
  public static RateLimiter perSecond(
      double eventsPerSecond, LongSupplier nanoClock, Sleeper sleeper) {
    return new RateLimiter(eventsPerSecond, nanoClock, sleeper);
  }

  public boolean isUnlimited() {
    return intervalNanos == 0;
  }

  /** Blocks until the next event may go. */
  public void acquire() {
    if (intervalNanos == 0) {
      return;
    }
    long now = nanoClock.getAsLong();
    if (!started || now - nextPermit > MAX_CATCH_UP_NANOS) {
      nextPermit = now;
      started = true;
    }
    long wait = nextPermit - now;
    if (wait > 0) {
      sleeper.sleep(wait);
    }
    nextPermit += intervalNanos;
  }
}
