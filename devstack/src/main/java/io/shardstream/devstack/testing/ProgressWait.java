package io.shardstream.devstack.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition for as long as something observable keeps moving: the one wait of the
 * project's integration tests. A fixed total deadline turns a slow (loaded, 2-core) machine red
 * while the system under test is still working; this fails only when the observed progress value
 * (consumer lag, committed offsets, row count, a child's log size...) has not changed for {@link
 * #stallTimeout}, naming what stopped moving and its last value. {@link #cap} is only a last safety
 * against a value that changes forever without the condition ever holding.
 *
 * <pre>{@code
 * ProgressWait.until("writer consumed phase 1", () -> lag(admin) == 0)
 *     .progress("consumer lag", () -> lag(admin))
 *     .await();
 * }</pre>
 */
public final class ProgressWait {

  /** How long nothing may move before a wait fails; generous for a loaded 2-core machine. */
  public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);

  /** The last-resort total cap: far above any healthy run, it only stops a livelock. */
  public static final Duration DEFAULT_CAP = Duration.ofMinutes(20);

  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  /** Time source and sleep, replaceable so the unit test runs on virtual time. */
  interface Clock {
    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;

    Clock SYSTEM =
        new Clock() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration);
          }
        };
  }

  private final String description;
  private final BooleanSupplier condition;
  private String progressName = "nothing observed";
  private Supplier<?> progress = () -> "";
  private Duration stallTimeout = DEFAULT_STALL_TIMEOUT;
  private Duration cap = DEFAULT_CAP;
  private Clock clock = Clock.SYSTEM;

  private ProgressWait(String description, BooleanSupplier condition) {
    this.description = Objects.requireNonNull(description);
    this.condition = Objects.requireNonNull(condition);
  }

  /** A wait for {@code condition}, described (for the failure message) as {@code description}. */
  public static ProgressWait until(String description, BooleanSupplier condition) {
    return new ProgressWait(description, condition);
  }

  /**
   * Shorthand: waits for {@code condition} while {@code progress} (named {@code progressName})
   * changes, with the default stall timeout and cap.
   */
  public static void awaitProgress(
      String description, String progressName, Supplier<?> progress, BooleanSupplier condition) {
    until(description, condition).progress(progressName, progress).await();
  }

  /**
   * The value whose change counts as progress; compared with {@link Object#equals}. Several values
   * at once: return a {@link List} of them (see {@link #processStartup}).
   */
  public ProgressWait progress(String name, Supplier<?> value) {
    this.progressName = Objects.requireNonNull(name);
    this.progress = Objects.requireNonNull(value);
    return this;
  }

  public ProgressWait stallTimeout(Duration stallTimeout) {
    this.stallTimeout = requirePositive(stallTimeout);
    return this;
  }

  public ProgressWait cap(Duration cap) {
    this.cap = requirePositive(cap);
    return this;
  }

  ProgressWait clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }

  /**
   * Polls until the condition holds. Throws {@link AssertionError} when the progress value has not
   * changed for the stall timeout (or, last resort, when the cap is reached).
   */
  public void await() {
    String failure = poll();
    if (failure != null) {
      throw new AssertionError(failure);
    }
  }

  /**
   * As {@link #await()}, but answers {@code false} instead of failing: for a caller that reads
   * until it has enough (records from a topic) and lets its own assertions show what is missing.
   */
  public boolean tryAwait() {
    return poll() == null;
  }

  /** Polls; the failure message, or null once the condition holds. */
  private String poll() {
    long start = clock.nanoTime();
    Object last = progress.get();
    long lastChange = start;
    try {
      while (!condition.getAsBoolean()) {
        long now = clock.nanoTime();
        Object current = progress.get();
        if (!Objects.equals(current, last)) {
          last = current;
          lastChange = now;
        } else if (now - lastChange >= stallTimeout.toNanos()) {
          return String.format(
              "%s: %s stopped moving; stuck at %s for %s (waited %s in all)",
              description, progressName, last, stallTimeout, seconds(now - start));
        }
        if (now - start >= cap.toNanos()) {
          return String.format(
              "%s: not reached within the safety cap %s although %s kept moving (last %s)",
              description, cap, progressName, last);
        }
        clock.sleep(POLL_INTERVAL);
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(description + ": interrupted while waiting", e);
    }
  }

  /**
   * Progress of a forked JVM that has produced nothing observable yet: its start-up counts, as long
   * as it is alive and its log file grows. Combine with the real progress value, e.g. {@code () ->
   * List.of(committed(), processStartup(p, log).get())}.
   */
  public static Supplier<List<Object>> processStartup(Process process, Path log) {
    return processStartup(process::isAlive, log);
  }

  /** As {@link #processStartup(Process, Path)}, for a child known only by its liveness check. */
  public static Supplier<List<Object>> processStartup(BooleanSupplier alive, Path log) {
    return () -> List.of("alive " + alive.getAsBoolean(), "log bytes " + size(log));
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : -1;
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  private static String seconds(long nanos) {
    return String.format("%.1f s", nanos / 1e9);
  }

  private static Duration requirePositive(Duration d) {
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("a wait's timeout must be positive, got " + d);
    }
    return d;
  }
}
