package io.shardstream.queryapi;

import io.shardstream.dynamo.control.ControlRecord;
import io.shardstream.dynamo.control.ControlTable;
import io.shardstream.service.HealthCheck;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the control record: every poll interval it reads the record and, when its revision
 * changed, builds the {@link ServedTable} it names and switches the {@link ActiveTable} to it. A
 * record the API cannot serve (unreadable configuration, table missing or not ACTIVE) is logged
 * once and not applied; the poller tries again at the next change or poll, and the API keeps
 * answering from the table it has.
 */
final class ControlPoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlPoller.class);

  private final ControlTable control;
  private final ActiveTable active;
  private final Function<ControlRecord, ServedTable> build;
  private final Duration interval;
  private ScheduledExecutorService scheduler;
  private volatile long appliedRevision;
  private long reportedRevision = -1;

  /**
   * @param appliedRevision the revision the active table came from (0: none)
   */
  ControlPoller(
      ControlTable control,
      ActiveTable active,
      Function<ControlRecord, ServedTable> build,
      Duration interval,
      long appliedRevision) {
    this.control = Objects.requireNonNull(control, "control");
    this.active = Objects.requireNonNull(active, "active");
    this.build = Objects.requireNonNull(build, "build");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.appliedRevision = appliedRevision;
  }

  synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("control-poller").daemon().factory());
    scheduler.scheduleWithFixedDelay(
        this::pollQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The revision of the control record the active table came from (0: none yet). */
  long appliedRevision() {
    return appliedRevision;
  }

  /**
   * Reads the record once and switches if it changed and can be served.
   *
   * @return whether the active table was switched
   */
  synchronized boolean poll() {
    Optional<ControlRecord> record = control.read();
    if (record.isEmpty() || record.get().revision() == appliedRevision) {
      return false;
    }
    ControlRecord next = record.get();
    ServedTable served;
    try {
      served = build.apply(next);
      HealthCheck.Result ready = served.tableReady().check();
      if (!ready.up()) {
        throw new IllegalStateException(ready.detail());
      }
    } catch (Exception e) {
      if (reportedRevision != next.revision()) {
        reportedRevision = next.revision();
        LOG.error(
            "control record revision {} ({}) cannot be served, still answering from table"
                + " {}: {}",
            next.revision(),
            next.describe(),
            active.current().table(),
            e.getMessage());
      }
      return false;
    }
    String previous = active.current().table();
    active.switchTo(served);
    appliedRevision = next.revision();
    LOG.info(
        "switched from table {} to table {} (config version {}, control revision {})",
        previous,
        served.table(),
        served.configVersion(),
        next.revision());
    return true;
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) {
      // DynamoDB unreachable or throttled: the next poll tries again.
      LOG.warn("cannot read the control record from table {}: {}", control.name(), e.toString());
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
