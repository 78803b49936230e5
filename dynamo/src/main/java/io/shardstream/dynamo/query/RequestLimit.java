package io.shardstream.dynamo.query;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Caps the DynamoDB requests in flight at once. Searches fan out on virtual threads, which are
 * cheap enough to start one per partition; what is not cheap is a request per partition hitting
 * DynamoDB (and the HTTP connection pool) all at once, so every request waits for a permit here.
 * Fair, so a search that fans out wide cannot starve the single reads of other searches.
 */
public final class RequestLimit {
  private final Semaphore permits;
  private final int maxConcurrent;

  public RequestLimit(int maxConcurrent) {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
    }
    this.permits = new Semaphore(maxConcurrent, true);
    this.maxConcurrent = maxConcurrent;
  }

  public int maxConcurrent() {
    return maxConcurrent;
  }

  /** Requests running now (for a gauge). */
  public int inFlight() {
    return maxConcurrent - permits.availablePermits();
  }

  /**
   * Runs {@code request} once a permit is free.
   *
   * @throws RequestInterruptedException when the thread is interrupted while waiting
   */
  public <T> T call(Supplier<T> request) {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RequestInterruptedException();
    }
    try {
      return request.get();
    } finally {
      permits.release();
    }
  }

  /** The caller gave up (its thread was interrupted) before the request could start. */
  public static final class RequestInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RequestInterruptedException() {
      super("interrupted while waiting to send a DynamoDB request");
    }
  }
}
