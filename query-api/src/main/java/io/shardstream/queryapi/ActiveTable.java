package io.shardstream.queryapi;

import io.shardstream.service.HealthCheck;
import java.util.Objects;

/**
 * The table the API answers from now: one volatile reference to an immutable {@link ServedTable},
 * replaced whole by {@link #switchTo}. Requests in flight keep the one they started with.
 */
final class ActiveTable {
  private volatile ServedTable current;

  ActiveTable(ServedTable initial) {
    this.current = Objects.requireNonNull(initial, "initial");
  }

  ServedTable current() {
    return current;
  }

  void switchTo(ServedTable next) {
    current = Objects.requireNonNull(next, "next");
  }

  /** Readiness of whichever table is active, its name in the detail. */
  HealthCheck readiness() {
    return () -> current.tableReady().check();
  }
}
