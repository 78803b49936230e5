package io.shardstream.app;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.ingest.DeadLetterSink;
import io.shardstream.ingest.EntityTopicNames;
import io.shardstream.ingest.EventSink;
import io.shardstream.ingest.IngestSettings;
import io.shardstream.ingest.ProgressDisplay;
import io.shardstream.ingest.file.FileImporter;
import io.shardstream.ingest.file.ImportCheckpoint;
import io.shardstream.ingest.file.ImportOptions;
import io.shardstream.ingest.file.ImportReport;
import io.shardstream.ingest.kafka.KafkaDeadLetterSink;
import io.shardstream.ingest.kafka.KafkaEventSink;
import io.shardstream.ingest.model.GenericLineParser;
import io.shardstream.ingest.stream.DdbStreamSource;
import io.shardstream.ingest.stream.StreamSourceConfig;
import io.shardstream.ingest.stream.StreamSourceException;
import io.shardstream.ingest.stream.StreamSourceSettings;
import io.shardstream.service.EntityConfigLoader;
import io.shardstream.service.InputFiles;
import io.shardstream.service.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shardstream ingest ...}: sources of change events into Kafka. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Bring change events into Kafka from a source.",
    subcommands = {IngestCommand.File.class, IngestCommand.DdbStream.class})
final class IngestCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** {@code shardstream ingest file EVENTS.jsonl}: JSON lines change events → Kafka. */
  @Command(
      name = "file",
      mixinStandardHelpOptions = true,
      description =
          "Import JSON lines change events (format: ingest/README.md) into Kafka; bad "
              + "lines are reported by number and skipped; resumable.")
  static final class File implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The JSON lines file.")
    Path file;

    @Option(
        names = "--from-line",
        description =
            "Start at this line (1-based). Default: the "
                + "checkpoint's next line when --resume, else 1.")
    Long fromLine;

    @Option(names = "--resume", description = "Continue from the checkpoint file FILE.checkpoint.")
    boolean resume;

    @Option(
        names = "--rate",
        converter = CheckedValues.EventsPerSecond.class,
        defaultValue = "0",
        description = "Events per second; 0 = as fast as possible.")
    double rate;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Option(
        names = "--model",
        paramLabel = "NAME|FILE",
        description =
            "Read the generic format {\"entity\", \"op\", \"version\", \"item\"} of this model: an"
                + " example's name (person, user-email) or an entity configuration file; each event"
                + " goes to its entity's topic (topics.<plural>, default <plural>.changes). Without"
                + " it: the User/Email format.")
    String model;

    @Mixin SettingsOption settings;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
      InputFiles.requireReadable(file, "events file");
      EntityConfig config = model == null ? null : EntityConfigLoader.model(model).config();
      Path checkpoint = file.resolveSibling(file.getFileName() + ".checkpoint");
      long start =
          fromLine != null
              ? fromLine
              : resume
                  ? ImportCheckpoint.read(checkpoint).map(ImportCheckpoint::nextLine).orElse(1L)
                  : 1L;
      PrintWriter err = spec.commandLine().getErr();
      ImportOptions options =
          ImportOptions.defaults()
              .withFromLine(start)
              .withCheckpoint(checkpoint)
              .withRate(rate)
              .withOnBadLine(
                  bad -> {
                    err.println(bad);
                    err.flush();
                  });
      Settings loaded = settings.load(IngestSettings.defaults());
      ProgressDisplay progress = ProgressDisplay.onStderr(noProgress);
      try (EventSink sink = KafkaEventSink.fromSettings(loaded)) {
        ImportReport report =
            runInterruptibly(
                () ->
                    config == null
                        ? FileImporter.run(file, options, sink, progress)
                        : FileImporter.run(
                            file,
                            options,
                            new GenericLineParser(
                                config,
                                EntityTopicNames.of(config, loaded),
                                Instant.now(),
                                options.source()),
                            sink,
                            progress));
        err.println(report.summary());
        return report.exitCode();
      }
    }

    /**
     * Runs the import on its own thread so Ctrl-C can interrupt it: the importer then stops
     * reading, writes its checkpoint and reports, and the shutdown waits for that.
     */
    private static ImportReport runInterruptibly(Callable<ImportReport> work)
        throws InterruptedException {
      java.util.concurrent.atomic.AtomicReference<Object> result =
          new java.util.concurrent.atomic.AtomicReference<>();
      Thread worker =
          Thread.ofPlatform()
              .name("import")
              .start(
                  () -> {
                    try {
                      result.set(work.call());
                    } catch (Exception e) {
                      result.set(e);
                    }
                  });
      Thread hook =
          Thread.ofPlatform()
              .unstarted(
                  () -> {
                    worker.interrupt();
                    try {
                      worker.join(10_000);
                    } catch (InterruptedException ignored) {
                      Thread.currentThread().interrupt();
                    }
                  });
      Runtime.getRuntime().addShutdownHook(hook);
      worker.join();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waited for the worker, nothing left to do
      }
      if (result.get() instanceof RuntimeException e) {
        throw e;
      }
      if (result.get() instanceof Exception e) {
        throw new IllegalStateException(e);
      }
      return (ImportReport) result.get();
    }
  }

  /**
   * {@code shardstream ingest ddb-stream --table SOURCE --entity user|email}: a source table's
   * DynamoDB stream → Kafka, until Ctrl-C.
   */
  @Command(
      name = "ddb-stream",
      mixinStandardHelpOptions = true,
      description =
          "Read a source table's DynamoDB stream (NEW_AND_OLD_IMAGES) with KCL and produce "
              + "its changes as events: INSERT/MODIFY -> UPSERT, REMOVE -> DELETE. Runs until Ctrl-C; "
              + "checkpoints each batch once Kafka has acknowledged it. Records that cannot be events go to the "
              + "dead-letter topic (setting topics.dead-letters, default shardstream.dlq) with a reason.")
  static final class DdbStream implements Callable<Integer> {
    @Option(names = "--table", description = "Source table (setting stream.table).")
    String table;

    @Option(
        names = "--entity",
        description = "What its items are: user or email (setting stream.entity).")
    String entity;

    @Option(
        names = "--version-attribute",
        description =
            "Attribute holding the item's version: a whole "
                + "number, or a timestamp such as updated (setting stream.version-attribute). Default: version.")
    String versionAttribute;

    @Option(
        names = "--endpoint",
        description =
            "DynamoDB endpoint, e.g. http://localhost:8000 for "
                + "DynamoDB Local (setting dynamodb.endpoint). Default: AWS, region and credentials from the "
                + "SDK's default chain.")
    String endpoint;

    @Option(names = "--region", description = "AWS region (setting dynamodb.region).")
    String region;

    @Option(
        names = "--application-name",
        description =
            "KCL application name, also its lease table's "
                + "name (setting stream.application-name). Default: shardstream-ddb-stream-<table>.")
    String applicationName;

    @Mixin SettingsOption settings;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
      Map<String, String> defaults = new HashMap<>(IngestSettings.defaults());
      defaults.putAll(StreamSourceSettings.defaults());
      Settings loaded = settings.load(defaults);
      if (table == null && loaded.get(StreamSourceSettings.TABLE).isEmpty()) {
        throw new UserException("name the source table: --table (or setting stream.table)");
      }
      if (entity == null && loaded.get(StreamSourceSettings.ENTITY).isEmpty()) {
        throw new UserException(
            "name what its items are: --entity user|email (or setting stream.entity)");
      }
      Map<String, String> options = new HashMap<>();
      options.put(StreamSourceSettings.TABLE, table);
      options.put(StreamSourceSettings.ENTITY, entity);
      options.put(StreamSourceSettings.VERSION_ATTRIBUTE, versionAttribute);
      options.put(StreamSourceSettings.DYNAMODB_ENDPOINT, endpoint);
      options.put(StreamSourceSettings.DYNAMODB_REGION, region);
      options.put(StreamSourceSettings.APPLICATION_NAME, applicationName);
      StreamSourceConfig config = StreamSourceSettings.read(loaded, options);
      PrintWriter err = spec.commandLine().getErr();
      String deadLetterTopic = IngestSettings.deadLetterTopic(loaded);
      try (EventSink sink = KafkaEventSink.fromSettings(loaded);
          DeadLetterSink deadLetters = KafkaDeadLetterSink.fromSettings(loaded)) {
        DdbStreamSource source;
        try {
          source = DdbStreamSource.start(config, sink, deadLetters);
        } catch (StreamSourceException e) {
          throw new UserException(e.getMessage(), e);
        }
        // Ctrl-C: KCL's graceful shutdown, so the leases are released and every acknowledged
        // batch stays checkpointed; the hook waits for it.
        Thread hook = Thread.ofPlatform().unstarted(source::close);
        Runtime.getRuntime().addShutdownHook(hook);
        err.println(
            "reading the stream of "
                + config.mapping().table()
                + " as "
                + config.mapping().entity().type()
                + " events (KCL application "
                + config.applicationName()
                + ", dead letters to "
                + deadLetterTopic
                + "); Ctrl-C stops");
        err.flush();
        source.awaitTermination();
        source.close();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running the same close()
        }
        err.println(source.stats().summary());
        if (source.failure().isPresent()) {
          err.println(
              "ingest ddb-stream: stopped: "
                  + source.failure().get().getMessage()
                  + " (the unacknowledged batch is read again on the next start)");
          return UserErrorHandler.USER_ERROR;
        }
        return 0;
      }
    }
  }
}
