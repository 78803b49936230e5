package io.shardstream.dynamo.write;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a batch keeps trying: exponential backoff with full jitter (each delay drawn uniformly
 * from zero to {@code min(maxDelay, baseDelay × 2^n)}, so writers that were throttled together do
 * not come back together), bounded twice.
 *
 * @param maxAttemptsWithoutProgress attempts in a row that write nothing (a throttled, failed or
 *     fully unprocessed request) before giving up; a request that writes some items starts the
 *     count again, since DynamoDB returning part of a batch as unprocessed is normal under load
 * @param maxElapsed the longest one batch may take, retries included; no delay is slept that would
 *     end past it. Keep it well under the Kafka consumer's {@code max.poll.interval.ms}.
 */
public record RetryPolicy(
    int maxAttemptsWithoutProgress, Duration maxElapsed, Duration baseDelay, Duration maxDelay) {

  /** 15 attempts, 2 minutes, 50 ms doubling up to 5 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(15, Duration.ofMinutes(2), Duration.ofMillis(50), Duration.ofSeconds(5));

  public RetryPolicy {
    Objects.requireNonNull(maxElapsed, "maxElapsed");
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttemptsWithoutProgress < 1) {
      throw new IllegalArgumentException(
          "maxAttemptsWithoutProgress must be at least 1, got " + maxAttemptsWithoutProgress);
    }
    if (maxElapsed.isNegative() || baseDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    if (baseDelay.compareTo(maxDelay) > 0) {
      throw new IllegalArgumentException(
          "baseDelay " + baseDelay + " exceeds maxDelay " + maxDelay);
    }
  }

  public RetryPolicy withMaxAttemptsWithoutProgress(int attempts) {
    return new RetryPolicy(attempts, maxElapsed, baseDelay, maxDelay);
  }

  public RetryPolicy withMaxElapsed(Duration elapsed) {
    return new RetryPolicy(maxAttemptsWithoutProgress, elapsed, baseDelay, maxDelay);
  }

  public RetryPolicy withDelays(Duration base, Duration max) {
    return new RetryPolicy(maxAttemptsWithoutProgress, maxElapsed, base, max);
  }

  /** The upper bound of the delay before retry number {@code retry} (0 after partial progress). */
  public Duration delayCeiling(int retry) {
    long base = baseDelay.toNanos();
    long max = maxDelay.toNanos();
    int shift = Math.min(Math.max(retry, 0), 62);
    // base × 2^retry, saturating instead of overflowing.
    long ceiling = base == 0 ? 0 : (base > (max >> shift) ? max : base << shift);
    return Duration.ofNanos(Math.min(ceiling, max));
  }
}
