package io.shardstream.dynamo.write;

import java.time.Duration;
import java.util.Random;

/** Full-jitter exponential backoff: a delay drawn uniformly from zero to the policy's ceiling. */
final class Backoff {
  private final RetryPolicy policy;
  private final Random random;

  /**
   * @param random shared by the batches' threads; {@link Random} is thread-safe
   */
  Backoff(RetryPolicy policy, Random random) {
    this.policy = policy;
    this.random = random;
  }

  Duration delay(int retry) {
    long ceiling = policy.delayCeiling(retry).toNanos();
    return Duration.ofNanos(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
  }
}
