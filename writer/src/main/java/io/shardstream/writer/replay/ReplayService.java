package io.shardstream.writer.replay;

import io.shardstream.core.config.LoadedConfig;
import io.shardstream.dynamo.DynamoDbClients;
import io.shardstream.dynamo.control.ControlConflictException;
import io.shardstream.dynamo.control.ControlRecord;
import io.shardstream.dynamo.control.ControlTable;
import io.shardstream.service.Metrics;
import io.shardstream.writer.WriterService;
import io.shardstream.writer.WriterSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.streams.KafkaStreams;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The replay workflow in one place: build a new table from the log under a new entity configuration
 * ({@link ReplayRun}) until it has caught up, verify it against the {@link Projection} of the same
 * records ({@link ReplayVerifier}), cut the query APIs over to it through the control record
 * ({@link ControlTable}), and optionally follow on as the new table's writer. {@link #status} and
 * {@link #rollback} read and revert the same record. A {@link Listener} hears each phase (the
 * command line prints them); the service decides, the listener only reports.
 */
public final class ReplayService implements AutoCloseable {
  /** Picks the verification sample, so a run can be repeated item for item. */
  static final long SAMPLE_SEED = 20_260_101L;

  /** How often the replay's lag is read (and progress reported). */
  static final Duration POLL_INTERVAL = Duration.ofMillis(500);

  /**
   * One replay.
   *
   * @param live the live writer's configuration: the first cut-over records it (with the live
   *     table) as what it replaced, so {@code replay rollback} can return to it
   * @param next the new configuration the table is built under
   * @param table the new table (created)
   * @param applicationId the base application id; the replay runs as {@link
   *     ReplayRun#applicationId}
   * @param cutOver whether a verified table becomes the active one
   * @param sample items compared attribute by attribute
   * @param stableFor how long the lag must stay 0 before the replay counts as caught up
   * @param follow whether to run on as the new table's writer afterwards
   */
  public record Request(
      LoadedConfig live,
      LoadedConfig next,
      String table,
      String applicationId,
      boolean cutOver,
      int sample,
      Duration stableFor,
      boolean follow) {
    public Request {
      Objects.requireNonNull(live, "live");
      Objects.requireNonNull(next, "next");
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(applicationId, "applicationId");
      Objects.requireNonNull(stableFor, "stableFor");
      if (sample < 0) {
        throw new IllegalArgumentException("sample must be 0 or more, got " + sample);
      }
    }
  }

  /** A replay, status or rollback the settings or the record rule out; the message says why. */
  public static final class RefusedException extends RuntimeException {
    RefusedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** How a replay ended. */
  public enum Result {
    /** Verified (and cut over unless not asked to); when following, the follower ended cleanly. */
    DONE,
    /** The table differs from the projection: nothing was switched. */
    VERIFICATION_FAILED,
    /** Verified and cut over, then the follower stopped on a fatal error. */
    FOLLOWER_FAILED
  }

  /** Hears every phase of a replay, in this order; each phase may be the last one. */
  public interface Listener {
    /** The replay begins (or resumes) under {@code settings} ({@link WriterSettings#forReplay}). */
    void started(WriterSettings settings);

    /** Every poll while the replay catches up: counts and lag. */
    void progress(ReplayRun.Progress progress);

    /** The replay caught up and stopped; verification starts. */
    void caughtUp(ReplayRun.Summary outcome);

    /** The table was compared with the projection; a failed report ends the replay. */
    void verified(ReplayVerifier.Report report);

    /** The control record in {@code controlTable} now names the new table. */
    void cutOver(String controlTable, ControlRecord record);

    /** Verified, and the control record left alone as asked. */
    void noCutOver();

    /** The replay runs on as the new table's writer (ops endpoints on {@code httpPort}). */
    void following(WriterSettings settings, int httpPort);
  }

  private final WriterSettings live;
  private final Optional<String> controlTable;

  /** Made on first use, so a refused request says why before any client set-up can fail. */
  private DynamoDbClient client;

  /**
   * @param live the live writer's settings: Kafka, registry, topics, DynamoDB and its table
   * @param controlTable the control table the query APIs follow; empty ({@code control.table=none})
   *     when there is none, which rules out a cut-over, status and rollback
   */
  public ReplayService(WriterSettings live, Optional<String> controlTable) {
    this.live = Objects.requireNonNull(live, "live");
    this.controlTable = Objects.requireNonNull(controlTable, "controlTable");
  }

  /** A DynamoDB client at the settings' endpoint and region (SDK retries on: a few calls only). */
  public static DynamoDbClient client(WriterSettings settings) {
    return DynamoDbClients.create(
        DynamoDbClients.Settings.defaults()
            .at(settings.dynamoDbEndpoint(), settings.dynamoDbRegion()));
  }

  /** The settings the replay of {@code request} runs under. */
  public WriterSettings replaySettings(Request request) {
    return live.forReplay(
        ReplayRun.applicationId(request.applicationId(), request.table()),
        request.table(),
        request.next().config(),
        request.next().source());
  }

  /**
   * Builds, waits until caught up, verifies, cuts over (if asked) and follows (if asked).
   *
   * @throws RefusedException the request names the live table, asks for a cut-over without a
   *     control table, or the control record changed during the cut-over
   * @throws InterruptedException interrupted while catching up (the replay resumes when run again)
   */
  public Result replay(Request request, Listener listener) throws InterruptedException {
    if (request.table().equals(live.table())) {
      throw new RefusedException(
          "--table "
              + request.table()
              + " is the live writer's table (dynamodb.table): a replay builds a new table",
          null);
    }
    if (request.cutOver()) {
      // Checked before the replay runs, so a setting that rules out the cut-over fails at once.
      control();
    }
    WriterSettings replay = replaySettings(request);
    listener.started(replay);
    ReplayRun.Summary outcome =
        new ReplayRun(replay, POLL_INTERVAL, request.stableFor()).run(listener::progress);
    listener.caughtUp(outcome);
    ReplayVerifier.Report report =
        new ReplayVerifier(client(), request.table(), request.next().config())
            .verify(
                ReplayRun.project(replay, outcome.sourcePositions()).items(),
                request.sample(),
                SAMPLE_SEED);
    listener.verified(report);
    if (!report.passed()) {
      return Result.VERIFICATION_FAILED;
    }
    if (request.cutOver()) {
      listener.cutOver(controlTableName(), cutOver(request));
    } else {
      listener.noCutOver();
    }
    if (!request.follow()) {
      return Result.DONE;
    }
    return follow(replay, listener) == KafkaStreams.State.ERROR
        ? Result.FOLLOWER_FAILED
        : Result.DONE;
  }

  /**
   * The control record now; empty before the first cut-over (the query APIs then serve the table
   * their settings name).
   */
  public Optional<ControlRecord> status() {
    try {
      return control().read();
    } catch (IllegalStateException malformed) {
      throw new RefusedException(malformed.getMessage(), malformed);
    }
  }

  /**
   * Switches the control record back to the previous table and configuration.
   *
   * @throws RefusedException there is no record yet, it names no previous table, or it changed
   *     meanwhile
   */
  public ControlRecord rollback() {
    try {
      return control().rollback(Instant.now());
    } catch (IllegalStateException | ControlConflictException e) {
      throw new RefusedException(e.getMessage(), e);
    }
  }

  /** The control table's name. */
  public String controlTableName() {
    return control().name();
  }

  private ControlRecord cutOver(Request request) {
    ControlTable control = control();
    control.ensureExists();
    ControlRecord beforeFirst =
        ControlRecord.beforeFirstSwitch(
            live.table(), request.live().json(), request.live().config().version());
    LoadedConfig next = request.next();
    try {
      return control.switchTo(
          beforeFirst, request.table(), next.json(), next.config().version(), Instant.now());
    } catch (ControlConflictException e) {
      throw new RefusedException(e.getMessage(), e);
    }
  }

  /**
   * Runs the replay's topology on as the new table's live writer until it stops (Ctrl-C stops it
   * through a shutdown hook; an interrupt of the calling thread also ends it, normally).
   */
  private static KafkaStreams.State follow(WriterSettings replay, Listener listener) {
    WriterService writer = WriterService.create(replay, Metrics.newRegistry("writer"));
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(writer::stop));
    writer.start();
    listener.following(replay, writer.httpPort());
    boolean interrupted = false;
    try {
      return writer.terminated().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the writer stopped with an error", e.getCause());
    } catch (InterruptedException e) {
      // Stopped by an embedding caller rather than Ctrl-C: a normal end.
      interrupted = true;
      return KafkaStreams.State.NOT_RUNNING;
    } finally {
      // Closed with the interrupt flag clear: the ops server's shutdown waits on its threads.
      writer.stop();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private ControlTable control() {
    String name =
        controlTable.orElseThrow(
            () ->
                new RefusedException(
                    "control.table=none: there is no control record to switch or read (use"
                        + " --no-cutover to build and verify only)",
                    null));
    return new ControlTable(client(), name);
  }

  private DynamoDbClient client() {
    if (client == null) {
      client = client(live);
    }
    return client;
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }
}
