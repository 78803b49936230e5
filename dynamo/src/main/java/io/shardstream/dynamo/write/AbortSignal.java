package io.shardstream.dynamo.write;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Set once by the first batch that cannot go on; the others stop at their next attempt instead of
 * each spending its own retry budget against an outage.
 */
final class AbortSignal {
  record Reason(String message, Throwable cause) {}

  private final AtomicReference<Reason> reason = new AtomicReference<>();

  void abort(String message, Throwable cause) {
    reason.compareAndSet(null, new Reason(message, cause));
  }

  boolean isAborted() {
    return reason.get() != null;
  }

  Reason reason() {
    return reason.get();
  }
}
