package io.shardstream.app;

import io.shardstream.ingest.EventSink;
import io.shardstream.ingest.IngestSettings;
import io.shardstream.ingest.ProgressDisplay;
import io.shardstream.ingest.file.FileImporter;
import io.shardstream.ingest.file.ImportCheckpoint;
import io.shardstream.ingest.file.ImportOptions;
import io.shardstream.ingest.file.ImportReport;
import io.shardstream.ingest.kafka.KafkaEventSink;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shardstream ingest ...}: sources of change events into Kafka. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Bring change events into Kafka from a source.",
    subcommands = {IngestCommand.File.class})
final class IngestCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** {@code shardstream ingest file EVENTS.jsonl}: JSON lines change events → Kafka. */
  @Command(name = "file", mixinStandardHelpOptions = true,
      description = "Import JSON lines change events (format: ingest/README.md) into Kafka; bad "
          + "lines are reported by number and skipped; resumable.")
  static final class File implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The JSON lines file.")
    Path file;

    @Option(names = "--from-line", description = "Start at this line (1-based). Default: the "
        + "checkpoint's next line when --resume, else 1.")
    Long fromLine;

    @Option(names = "--resume", description = "Continue from the checkpoint file FILE.checkpoint.")
    boolean resume;

    @Option(names = "--rate", defaultValue = "0", description = "Events per second; 0 = as fast as possible.")
    double rate;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Mixin SettingsOption settings;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
      if (!Files.isReadable(file)) {
        throw new UserException("cannot read " + file);
      }
      Path checkpoint = file.resolveSibling(file.getFileName() + ".checkpoint");
      long start = fromLine != null ? fromLine
          : resume ? ImportCheckpoint.read(checkpoint).map(ImportCheckpoint::nextLine).orElse(1L)
          : 1L;
      PrintWriter err = spec.commandLine().getErr();
      ImportOptions options = ImportOptions.defaults().withFromLine(start)
          .withCheckpoint(checkpoint).withRate(rate).withOnBadLine(bad -> {
            err.println(bad);
            err.flush();
          });
      try (EventSink sink = KafkaEventSink.fromSettings(settings.load(IngestSettings.defaults()))) {
        ImportReport report = runInterruptibly(() -> FileImporter.run(file, options, sink,
            ProgressDisplay.onStderr(noProgress)));
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
      Thread worker = Thread.ofPlatform().name("import").start(() -> {
        try {
          result.set(work.call());
        } catch (Exception e) {
          result.set(e);
        }
      });
      Thread hook = Thread.ofPlatform().unstarted(() -> {
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
}
