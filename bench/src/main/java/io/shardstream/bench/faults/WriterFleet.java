package io.shardstream.bench.faults;

import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.writer.testing.WriterProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The writer instances of one scenario, each a child JVM ({@link WriterProcess}) with a state
 * directory of its own (as separate machines would have), all in one consumer group. Instances are
 * numbered from 1 in the order they start; a restarted instance gets a new number and keeps no
 * state (its tasks restore from the changelogs, or from a standby).
 */
public final class WriterFleet implements AutoCloseable {
  private static final Duration START_STALL = Duration.ofMinutes(3);
  private static final List<String> JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-Xss1m");

  private final Path work;
  private final Function<Path, Map<String, String>> settingsForStateDir;
  private final List<WriterProcess> started = new ArrayList<>();
  private final List<WriterProcess> running = new ArrayList<>();

  /**
   * @param settingsForStateDir the writer's settings for a given state directory
   */
  public WriterFleet(Path work, Function<Path, Map<String, String>> settingsForStateDir) {
    this.work = work;
    this.settingsForStateDir = settingsForStateDir;
  }

  /** Starts one more instance and returns once its {@code /health/ready} answers 200. */
  public WriterProcess add() {
    WriterProcess process = addWithoutWaiting();
    // The child logs little at start: its ops server's answer counts as progress too, and a
    // loaded machine may take a while for a JVM start.
    ProgressWait.until("writer ready (see " + process.log() + ")", process::ready)
        .progress(
            "its start-up",
            () ->
                List.of(
                    ProgressWait.processStartup(process::isAlive, process.log()).get(),
                    "live " + process.status("/health/live")))
        .stallTimeout(START_STALL)
        .await();
    return process;
  }

  /** Starts one more instance without waiting for it (its start may hang on an outage). */
  synchronized WriterProcess addWithoutWaiting() {
    int number = started.size() + 1;
    Path settings = work.resolve("writer-" + number + ".properties");
    ChildJvm.writeSettings(
        settings, settingsForStateDir.apply(work.resolve("state-" + number).toAbsolutePath()));
    WriterProcess process =
        WriterProcess.start(settings, work.resolve("writer-" + number + ".log"), JVM);
    started.add(process);
    running.add(process);
    return process;
  }

  /** SIGTERM to the oldest running instance (it commits what it processed and leaves). */
  synchronized int stopOldest() throws InterruptedException {
    WriterProcess oldest = running.remove(0);
    return oldest.stop(Duration.ofSeconds(60));
  }

  /** SIGKILL to the newest running instance: no commit, no leave. */
  synchronized int killNewest() throws InterruptedException {
    return running.remove(running.size() - 1).kill();
  }

  public synchronized List<WriterProcess> running() {
    return List.copyOf(running);
  }

  synchronized int startedCount() {
    return started.size();
  }

  /** Every running instance answers ready. */
  boolean allReady() {
    return running().stream().allMatch(WriterProcess::ready);
  }

  /** The sum of a metric over the running instances (each counts from its own start). */
  long sum(String sampleStart) {
    return running().stream().mapToLong(p -> p.sum(sampleStart).orElse(0)).sum();
  }

  /** Something that moves while an instance starts or works: liveness and log sizes. */
  public List<Object> startup() {
    return running().stream()
        .map(p -> (Object) ProgressWait.processStartup(p::isAlive, p.log()).get())
        .toList();
  }

  /** SIGTERM to every running instance; the exit codes (0 or 143 when clean). */
  public synchronized List<Integer> stopAll() throws InterruptedException {
    List<Integer> exits = new ArrayList<>();
    while (!running.isEmpty()) {
      exits.add(stopOldest());
    }
    return exits;
  }

  @Override
  public synchronized void close() {
    started.forEach(WriterProcess::close);
    running.clear();
  }
}
