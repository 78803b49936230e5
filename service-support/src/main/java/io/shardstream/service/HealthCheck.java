package io.shardstream.service;

/** One readiness check (DynamoDB table reachable, Kafka Streams RUNNING, ...). */
@FunctionalInterface
public interface HealthCheck {

  /** The outcome; a thrown exception counts as down with its message. */
  Result check() throws Exception;

  record Result(boolean up, String detail) {
    public static Result up(String detail) {
      return new Result(true, detail);
    }

    public static Result down(String detail) {
      return new Result(false, detail);
    }
  }
}
