package io.shardstream.bench.faults;

import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.writer.testing.GroupProgress;
import io.shardstream.writer.testing.WriterProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What a {@link Fault} acts on while its run goes on: the parts, the writer instances, the group's
 * progress, and the moments it records (the end of the fault, the catch-up after it).
 */
final class FaultContext {
  private final FaultStack stack;
  private final WriterFleet fleet;
  private final GroupProgress group;
  private final Duration outage;
  private final AtomicInteger produced;
  private final int total;
  private final Consumer<String> progress;
  private final List<String> notes = new ArrayList<>();
  private volatile String state = "waiting";
  private volatile long faultEndNanos = -1;
  private volatile double recoveredSeconds = Double.NaN;
  private volatile long countedByStoppedInstances;
  private volatile boolean notReadySeen;

  private final String table;
  private final Path work;
  private QueryApiUnderTraffic queryApi;

  FaultContext(
      String table,
      Path work,
      FaultStack stack,
      WriterFleet fleet,
      GroupProgress group,
      Duration outage,
      AtomicInteger produced,
      int total,
      Consumer<String> progress) {
    this.table = table;
    this.work = work;
    this.stack = stack;
    this.fleet = fleet;
    this.group = group;
    this.outage = outage;
    this.produced = produced;
    this.total = total;
    this.progress = progress;
  }

  FaultStack stack() {
    return stack;
  }

  WriterFleet fleet() {
    return fleet;
  }

  GroupProgress group() {
    return group;
  }

  Duration outage() {
    return outage;
  }

  /** Waits until this share of the workload has been produced. */
  void awaitProduced(double share) {
    int threshold = (int) (share * total);
    state = "waiting for " + threshold + " records produced";
    ProgressWait.until(state, () -> produced.get() >= threshold)
        .progress("records produced, writers", () -> List.of(produced.get(), fleet.startup()))
        .await();
  }

  /** Something the scenario did, for the report. */
  synchronized void note(String what) {
    state = what;
    notes.add(what);
    progress.accept(what);
  }

  /** The part is back (or, for a kill, the kill happened): recovery is measured from here. */
  void faultEnded(String what) {
    faultEndNanos = System.nanoTime();
    note(what);
  }

  /**
   * Waits until the group has committed every source record produced up to the end of the fault,
   * and records how long that took after it.
   */
  void awaitRecovery() {
    long[] target = {-1};
    ProgressWait.until(
            "the broker answers after the fault", () -> (target[0] = group.sourceEnds()) >= 0)
        .progress("writers", fleet::startup)
        .await();
    state = "catching up with " + target[0] + " source records";
    ProgressWait.until(state, () -> group.committedSources() >= target[0])
        .progress(
            "committed source records, writers",
            () -> List.of(group.committedSources(), fleet.startup()))
        .await();
    recoveredSeconds = (System.nanoTime() - faultEndNanos) / 1e9;
    note(String.format(Locale.ROOT, "caught up %.1f s after the fault", recoveredSeconds));
  }

  /** A recovery the scenario measured itself (from the end of the fault). */
  void recovered(double seconds) {
    recoveredSeconds = seconds;
    note(String.format(Locale.ROOT, "recovered %.1f s after the fault", seconds));
  }

  /** The query API over the run's table, with clients; started on first use. */
  synchronized QueryApiUnderTraffic queryApiUnderTraffic() {
    if (queryApi == null) {
      queryApi =
          new QueryApiUnderTraffic(
              QueryApiChild.over(stack.dynamoDb(), table, work.resolve("query-api")));
      queryApi.start();
    }
    return queryApi;
  }

  /** Stops what the scenario started besides the writers. */
  synchronized void close() throws InterruptedException {
    if (queryApi != null) {
      queryApi.close();
    }
  }

  /** Waits until every running writer answers ready. */
  void awaitAllReady() {
    ProgressWait.until("every writer ready again", fleet::allReady)
        .progress("writers", fleet::startup)
        .await();
  }

  /** Records what instances that stopped cleanly counted, for the counters' sum. */
  void countedByStoppedInstances(long counted) {
    countedByStoppedInstances += counted;
  }

  long countedByStoppedInstances() {
    return countedByStoppedInstances;
  }

  double recoveredSeconds() {
    return recoveredSeconds;
  }

  boolean notReadySeen() {
    return notReadySeen;
  }

  String state() {
    return state;
  }

  synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  /** Lines of a log file holding {@code text} (0 when it cannot be read). */
  static long linesContaining(Path log, String text) {
    try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.filter(line -> line.contains(text)).count();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /** Polls every running writer's readiness until closed, noting a "not ready" answer. */
  ReadinessWatch watchReadiness() {
    return new ReadinessWatch();
  }

  /** A background poll of {@code /health/ready}. */
  final class ReadinessWatch implements AutoCloseable {
    private final Thread thread;
    private volatile boolean stopped;

    private ReadinessWatch() {
      thread =
          Thread.ofPlatform()
              .daemon()
              .name("readiness-watch")
              .start(
                  () -> {
                    while (!stopped) {
                      for (WriterProcess writer : fleet.running()) {
                        // An explicit "not ready" (503), not a server that does not answer yet.
                        int status = writer.status("/health/ready");
                        if (status != 200 && status != -1 && !notReadySeen) {
                          notReadySeen = true;
                          note(
                              "writer reported not ready (pid "
                                  + writer.pid()
                                  + ", "
                                  + status
                                  + ")");
                        }
                      }
                      try {
                        Thread.sleep(250);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
    }

    @Override
    public void close() throws InterruptedException {
      stopped = true;
      thread.join();
    }
  }
}
