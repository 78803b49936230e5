package io.shardstream.queryapi;

import java.time.Duration;
import java.util.Objects;

/**
 * How much work one instance takes on at once, so that overload is answered with 429 instead of
 * growing queues: {@code /v1} requests in progress (beyond them a request waits up to {@code
 * queueWait} for a place, then is refused with 429 and {@code Retry-After}), and open connections
 * (beyond them Jetty stops accepting; new connections wait in the operating system's accept queue,
 * which is bounded).
 *
 * @param requests {@code /v1} requests in progress at once
 * @param queueWait how long a request beyond {@code requests} may wait for a place; zero refuses at
 *     once
 * @param connections open HTTP connections at once
 */
public record Admission(int requests, Duration queueWait, int connections) {
  public static final int DEFAULT_REQUESTS = 64;
  public static final Duration DEFAULT_WAIT = Duration.ofMillis(50);
  public static final int DEFAULT_CONNECTIONS = 1024;

  /** What an instance runs with when its settings say nothing. */
  public static final Admission DEFAULT =
      new Admission(DEFAULT_REQUESTS, DEFAULT_WAIT, DEFAULT_CONNECTIONS);

  public Admission {
    Objects.requireNonNull(queueWait, "queueWait");
    if (requests < 1 || connections < 1 || queueWait.isNegative()) {
      throw new IllegalArgumentException(
          "requests and connections must be at least 1 and queueWait not negative");
    }
  }

  public Admission withRequests(int newRequests) {
    return new Admission(newRequests, queueWait, connections);
  }

  public Admission withQueueWait(Duration newWait) {
    return new Admission(requests, newWait, connections);
  }
}
