package io.shardstream.service;

import java.time.Duration;
import java.util.Objects;

/** A {@link HealthCheck} answered from a recent result ({@link HealthCheck#cached}). */
final class CachedHealthCheck implements HealthCheck {
  private final HealthCheck check;
  private final long ttlNanos;
  private Result last;
  private long lastAt;

  CachedHealthCheck(HealthCheck check, Duration ttl) {
    this.check = Objects.requireNonNull(check, "check");
    this.ttlNanos = ttl.toNanos();
  }

  @Override
  public synchronized Result check() {
    long now = System.nanoTime();
    if (last == null || now - lastAt > ttlNanos) {
      try {
        last = check.check();
      } catch (Exception e) {
        last = Result.down(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      lastAt = now;
    }
    return last;
  }
}
