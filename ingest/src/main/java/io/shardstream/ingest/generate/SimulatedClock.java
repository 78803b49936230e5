package io.shardstream.ingest.generate;

import java.time.Instant;
import java.util.Random;

/**
 * The generator's time. The span from start time to base time is cut into one slot per user: user
 * {@code i} is created in slot {@code i}, and the events between two creations move the clock on
 * within the slot. So {@code created} spreads evenly over the span (every shard bump gets users)
 * whatever the rates, and time never goes backwards.
 */
final class SimulatedClock {
  private static final long MAX_STEP_MILLIS = 10 * 60_000L;

  private final long startMillis;
  private final long endMillis;
  private final int users;
  private final Random random;
  private long now;
  private long slotEnd;

  SimulatedClock(Instant start, Instant base, int users, Random random) {
    this.startMillis = start.toEpochMilli();
    // Keep a margin below base time: later events of the last users still fall before it.
    this.endMillis = base.toEpochMilli() - 3_600_000L;
    this.users = Math.max(1, users);
    this.random = random;
    this.now = startMillis;
    this.slotEnd = slotStart(1);
  }

  Instant now() {
    return Instant.ofEpochMilli(now);
  }

  /**
   * Moves into user {@code index}'s slot, somewhere in its first half, and returns the new time.
   */
  Instant enterUserSlot(int index) {
    long start = slotStart(index);
    long width = slotStart(index + 1) - start;
    now = Math.max(now, start + (long) (random.nextDouble() * width / 2));
    slotEnd = slotStart(index + 1);
    return now();
  }

  /** Moves on a little (up to 10 minutes, never past the current slot) and returns the new time. */
  Instant advance() {
    long room = (slotEnd - now) / 2;
    long step = Math.min(MAX_STEP_MILLIS, room);
    if (step > 0) {
      now += 1 + (long) (random.nextDouble() * step);
    }
    return now();
  }

  private long slotStart(int index) {
    return startMillis
        + (long) ((double) (endMillis - startMillis) * Math.min(index, users) / users);
  }
}
