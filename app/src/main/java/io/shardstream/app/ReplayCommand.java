package io.shardstream.app;

import io.shardstream.core.config.LoadedConfig;
import io.shardstream.dynamo.control.ControlRecord;
import io.shardstream.ingest.ProgressDisplay;
import io.shardstream.service.CommonSettings;
import io.shardstream.service.EntityConfigLoader;
import io.shardstream.service.Settings;
import io.shardstream.writer.WriterSettings;
import io.shardstream.writer.replay.ReplayService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
  /** Verification found differences (or the follower failed): a result, not a usage error. */
  static final int FAILED = 1;

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
    Settings loaded = settings.load(defaults());
    WriterSettings base = WriterSettings.from(loaded);
    LoadedConfig next = readConfig(Optional.of(config));
    LoadedConfig live = readConfig(CommonSettings.ENTITY_CONFIG.read(loaded));
    ReplayService.Request request =
        new ReplayService.Request(
            live,
            next,
            table,
            applicationId == null ? base.applicationId() : applicationId,
            !noCutover,
            sample,
            stableFor,
            follow);
    ProgressDisplay progress = ProgressDisplay.onStderr(noProgress);
    PrintWriter out = spec.commandLine().getOut();
    ReplayPrinter printer = new ReplayPrinter(out, spec.commandLine().getErr(), progress);
    try (ReplayService service = new ReplayService(base, controlTable(loaded, base))) {
      return switch (service.replay(request, printer)) {
        case DONE -> 0;
        case VERIFICATION_FAILED, FOLLOWER_FAILED -> FAILED;
      };
    } catch (ReplayService.RefusedException e) {
      throw new UserException(e.getMessage(), e);
    } finally {
      progress.close();
    }
  }

  static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>(WriterSettings.defaults());
    defaults.put(CommonSettings.CONTROL_TABLE.key(), CommonSettings.CONTROL_TABLE.defaultText());
    return defaults;
  }

  /** The control table the query APIs follow (their rule); empty for {@code control.table=none}. */
  static Optional<String> controlTable(Settings loaded, WriterSettings base) {
    return CommonSettings.controlTable(loaded, base.table());
  }

  /** The entity configuration in {@code file}; the seed configuration without one. */
  private static LoadedConfig readConfig(Optional<Path> file) {
    return EntityConfigLoader.fileOrSeed(file);
  }

  /** Reads or reverts the control record through the same settings as the replay. */
  abstract static class ControlCommand implements Callable<Integer> {
    @Mixin SettingsOption settings;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Settings loaded = settings.load(defaults());
      WriterSettings base = WriterSettings.from(loaded);
      try (ReplayService service = new ReplayService(base, controlTable(loaded, base))) {
        return run(service, spec.commandLine().getOut());
      } catch (ReplayService.RefusedException e) {
        throw new UserException(e.getMessage(), e);
      }
    }

    abstract int run(ReplayService service, PrintWriter out);
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Print the control record: the active table, its config version, the "
              + "previous table.")
  static final class Status extends ControlCommand {
    @Override
    int run(ReplayService service, PrintWriter out) {
      out.println(
          service
              .status()
              .map(ControlRecord::describe)
              .orElse(
                  "no cut-over yet: control table "
                      + service.controlTableName()
                      + " holds no record, so the query APIs serve the table their settings"
                      + " name"));
      return 0;
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = "Switch the control record back to the previous table and configuration.")
  static final class Rollback extends ControlCommand {
    @Override
    int run(ReplayService service, PrintWriter out) {
      out.println("rolled back: " + service.rollback().describe());
      return 0;
    }
  }
}
