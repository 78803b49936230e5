package io.shardstream.service;

import java.time.Duration;

/** One readiness check (DynamoDB table reachable, Kafka Streams RUNNING, ...). */
@FunctionalInterface
public interface HealthCheck {

  /** The outcome; a thrown exception counts as down with its message. */
  Result check() throws Exception;

  /**
   * This check answered from its last result while it is younger than {@code ttl}: readiness probes
   * then cost the checked service one call per {@code ttl}, however often they come. A thrown
   * exception is cached as down with its message.
   */
  default HealthCheck cached(Duration ttl) {
    return new CachedHealthCheck(this, ttl);
  }

  record Result(boolean up, String detail) {
    public static Result up(String detail) {
      return new Result(true, detail);
    }

    public static Result down(String detail) {
      return new Result(false, detail);
    }
  }
}
