package io.shardstream.app;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.LoadedConfig;
import io.shardstream.dynamo.DynamoDbClients;
import io.shardstream.dynamo.control.ControlConflictException;
import io.shardstream.dynamo.control.ControlRecord;
import io.shardstream.dynamo.control.ControlTable;
import io.shardstream.ingest.ProgressDisplay;
import io.shardstream.service.EntityConfigLoader;
import io.shardstream.service.Metrics;
import io.shardstream.service.Settings;
import io.shardstream.writer.WriterService;
import io.shardstream.writer.WriterSettings;
import io.shardstream.writer.replay.Projection;
import io.shardstream.writer.replay.ReplayRun;
import io.shardstream.writer.replay.ReplayVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code shardstream replay --config NEW.json --table NAME}: rebuilds the table from the log under
 * a new entity configuration, verifies it, and switches the query API to it through the control
 * record; {@code replay status} and {@code replay rollback} read and revert that record.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Build a new table from the Kafka log under a new entity configuration (new application id,"
            + " earliest offsets; re-running resumes), verify it against a projection of the log,"
            + " then switch the query API to it via the control record. Settings as for the writer"
            + " (writer/README.md), plus control.table (default <dynamodb.table>-control).",
    subcommands = {ReplayCommand.Status.class, ReplayCommand.Rollback.class})
final class ReplayCommand implements Callable<Integer> {
  static final String CONTROL_TABLE = "control.table";
  static final int VERIFICATION_FAILED = 1;

  @Mixin SettingsOption settings;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "The new entity configuration (JSON).")
  Path config;

  @Option(names = "--table", paramLabel = "NAME", description = "The new table (created).")
  String table;

  @Option(
      names = "--application-id",
      paramLabel = "ID",
      description =
          "Base application id (default: the settings' application.id); the replay "
              + "runs as <ID>-replay-<table>.")
  String applicationId;

  @Option(names = "--no-cutover", description = "Verify, but leave the control record alone.")
  boolean noCutover;

  @Option(
      names = "--sample",
      paramLabel = "N",
      defaultValue = "200",
      description = "Items compared attribute by attribute (default: ${DEFAULT-VALUE}).")
  int sample;

  @Option(
      names = "--stable-for",
      paramLabel = "DURATION",
      defaultValue = "PT3S",
      description =
          "How long the lag must stay 0 before the replay counts as caught up "
              + "(ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration stableFor;

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Option(
      names = "--follow",
      description =
          "After verification (and the cut-over), keep running as the new table's "
              + "writer until Ctrl-C: same application id, so it goes on from where the replay "
              + "stopped and the new table stays current; then the old writer can be retired.")
  boolean follow;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (config == null || table == null) {
      throw new UserException(
          "replay needs --config FILE and --table NAME (or a subcommand: " + "status, rollback)");
    }
    if (sample < 0) {
      throw new UserException("--sample must be 0 or more, got " + sample);
    }
    PrintWriter out = spec.commandLine().getOut();
    Settings loaded = settings.load(defaults());
    WriterSettings base = WriterSettings.from(loaded);
    LoadedConfig newConfig = EntityConfigLoader.file(config);
    String json = newConfig.json();
    EntityConfig entityConfig = newConfig.config();
    if (table.equals(base.table())) {
      throw new UserException(
          "--table "
              + table
              + " is the live writer's table "
              + "(dynamodb.table): a replay builds a new table");
    }
    // Resolved before the replay runs, so a setting that rules out the cut-over fails at once.
    String controlTable = noCutover ? null : controlTable(loaded, base);
    String replayId =
        ReplayRun.applicationId(
            applicationId == null ? base.applicationId() : applicationId, table);
    WriterSettings replay = base.forReplay(replayId, table, entityConfig, config.toString());
    out.println(
        "replay "
            + replayId
            + ": "
            + base.topics().users()
            + " + "
            + base.topics().emails()
            + " from the earliest offsets -> table "
            + table
            + " (config version "
            + entityConfig.version()
            + ")");
    out.flush();

    ReplayRun.Outcome outcome = runWithProgress(replay);
    out.println(
        "caught up: "
            + outcome.events()
            + " events in "
            + outcome.elapsed().toSeconds()
            + " s; verifying");
    out.flush();
    Projection projection = ReplayRun.project(replay, outcome.sourcePositions());
    try (DynamoDbClient client = client(replay)) {
      ReplayVerifier.Report report =
          new ReplayVerifier(client, table, entityConfig)
              .verify(projection.items(), sample, 20_260_101L);
      out.println(
          "items per entity: projection "
              + report.expectedCounts()
              + ", table "
              + report.tableCounts()
              + "; "
              + report.sampled()
              + " items compared in full");
      if (!report.passed()) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(
            "verification FAILED: "
                + report.differenceCount()
                + " differences"
                + (report.differenceCount() > report.differences().size()
                    ? " (first " + report.differences().size() + ")"
                    : "")
                + ":");
        report.differences().forEach(d -> err.println("  " + d));
        err.println("the control record was not changed");
        return VERIFICATION_FAILED;
      }
      out.println("verification passed");
      if (noCutover) {
        out.println("--no-cutover: the control record was not changed");
      } else {
        cutOver(client, controlTable, json, entityConfig, out);
      }
    }
    return follow ? follow(replay, out) : 0;
  }

  private void cutOver(
      DynamoDbClient client,
      String controlTable,
      String json,
      EntityConfig entityConfig,
      PrintWriter out) {
    ControlTable control = new ControlTable(client, controlTable);
    control.ensureExists();
    try {
      ControlRecord record = control.switchTo(table, json, entityConfig.version(), Instant.now());
      out.println("cut-over: control table " + control.name() + " -> " + record.describe());
      out.flush();
    } catch (ControlConflictException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /** Runs the replay's topology on as the new table's live writer until stopped. */
  private static int follow(WriterSettings replay, PrintWriter out) {
    WriterService writer = WriterService.create(replay, Metrics.newRegistry("writer"));
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(writer::stop));
    writer.start();
    out.println(
        "following: new events go on into "
            + replay.table()
            + " (application id "
            + replay.applicationId()
            + "; /metrics and /health on port "
            + writer.httpPort()
            + "); Ctrl-C stops it");
    out.flush();
    boolean interrupted = false;
    try {
      return writer.terminated().get() == KafkaStreams.State.ERROR ? 1 : 0;
    } catch (ExecutionException e) {
      throw new IllegalStateException("the writer stopped with an error", e.getCause());
    } catch (InterruptedException e) {
      // Stopped by an embedding caller rather than Ctrl-C: a normal end.
      interrupted = true;
      return 0;
    } finally {
      // Closed with the interrupt flag clear: the ops server's shutdown waits on its threads.
      writer.stop();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private ReplayRun.Outcome runWithProgress(WriterSettings replay) throws InterruptedException {
    ProgressDisplay progress = ProgressDisplay.onStderr(noProgress);
    boolean[] started = {false};
    try {
      return new ReplayRun(replay, Duration.ofMillis(500), stableFor)
          .run(
              p -> {
                if (!started[0]) {
                  progress.start("replay", "events", 1, p.sourceRecords());
                  started[0] = true;
                }
                progress.stepTo(p.sourceDone());
                progress.message(
                    String.format(
                        "lag %d (internal %d), %.0f events/s",
                        p.sourceLag(), p.internalLag(), p.eventsPerSecond()));
              });
    } finally {
      progress.close();
    }
  }

  static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>(WriterSettings.defaults());
    defaults.put(CONTROL_TABLE, "");
    return defaults;
  }

  /**
   * The control table the query APIs follow (the same rule as theirs: {@link
   * ControlTable#nameFrom}).
   */
  static String controlTable(Settings loaded, WriterSettings base) {
    return ControlTable.nameFrom(loaded.get(CONTROL_TABLE, ""), base.table())
        .orElseThrow(
            () ->
                new UserException(
                    CONTROL_TABLE
                        + "=none: there is no control record to switch or read (use --no-cutover"
                        + " to build and verify only)"));
  }

  static DynamoDbClient client(WriterSettings settings) {
    return DynamoDbClients.create(
        DynamoDbClients.Settings.defaults()
            .at(settings.dynamoDbEndpoint(), settings.dynamoDbRegion()));
  }

  /** Reads the control record through the same settings as the replay. */
  abstract static class ControlCommand implements Callable<Integer> {
    @Mixin SettingsOption settings;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Settings loaded = settings.load(defaults());
      WriterSettings base = WriterSettings.from(loaded);
      try (DynamoDbClient client = client(base)) {
        return run(
            new ControlTable(client, controlTable(loaded, base)), spec.commandLine().getOut());
      } catch (IllegalStateException | ControlConflictException e) {
        throw new UserException(e.getMessage(), e);
      }
    }

    abstract int run(ControlTable control, PrintWriter out);
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Print the control record: the active table, its config version, the "
              + "previous table.")
  static final class Status extends ControlCommand {
    @Override
    int run(ControlTable control, PrintWriter out) {
      ControlRecord record =
          control
              .read()
              .orElseThrow(
                  () ->
                      new UserException(
                          "no control record in table " + control.name() + " (no cut-over yet)"));
      out.println(record.describe());
      return 0;
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = "Switch the control record back to the previous table and configuration.")
  static final class Rollback extends ControlCommand {
    @Override
    int run(ControlTable control, PrintWriter out) {
      ControlRecord record = control.rollback(Instant.now());
      out.println("rolled back: " + record.describe());
      return 0;
    }
  }
}
