package io.shardstream.ingest.file;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.EventSink;
import io.shardstream.ingest.ProgressDisplay;
import io.shardstream.ingest.RateLimiter;
import io.shardstream.schemas.registry.SchemaRegistryException;
import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Imports a JSON lines file of change events (format: module README) into a sink, normally Kafka.
 *
 * <ul>
 *   <li>Bad lines (not JSON, missing or mistyped fields, payload not matching the op) are reported
 *       with their line numbers and skipped; every other line is produced.
 *   <li>A delivery failure or an unreachable schema registry stops the import: later lines would
 *       fail the same way.
 *   <li>The checkpoint file, rewritten as Kafka acknowledges, names the line to resume from; lines
 *       before it are all in Kafka or reported. A resumed import may re-send a few events that were
 *       acknowledged after the last checkpoint; the writer's version gate counts them as
 *       duplicates.
 * </ul>
 */
public final class FileImporter {
  private static final int PROGRESS_EVERY_LINES = 1024;

  private final Path file;
  private final ImportOptions options;
  private final EventSink sink;
  private final ProgressDisplay progress;
  private final LineParser parser;
  private final RateLimiter rateLimiter;
  private final AckWatermark watermark;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failedDeliveries = new AtomicLong();
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final List<BadLine> badLines = new ArrayList<>();
  private long badLineCount;
  private long blankLines;
  private long sent;
  private long lastLine;
  private long checkpointedThrough = -1;
  private long nextCheckpointNanos;

  private FileImporter(
      Path file,
      ImportOptions options,
      EventSink sink,
      ProgressDisplay progress,
      LineParser parser) {
    this.file = file;
    this.options = options;
    this.sink = sink;
    this.progress = progress;
    this.parser = parser;
    this.rateLimiter = RateLimiter.perSecond(options.eventsPerSecond());
    this.watermark = new AckWatermark(options.fromLine());
    this.lastLine = options.fromLine() - 1;
  }

  /**
   * Imports {@code file} from {@code options.fromLine()} on. Returns when the file is read and
   * every event acknowledged, or when a failure stopped the import; the report says which.
   *
   * @throws IOException when the file cannot be read (the checkpoint is written first)
   */
  public static ImportReport run(
      Path file, ImportOptions options, EventSink sink, ProgressDisplay progress)
      throws IOException {
    Instant importedAt = options.importedAt() != null ? options.importedAt() : Instant.now();
    return run(file, options, new EventLineParser(importedAt, options.source()), sink, progress);
  }

  /**
   * Like {@link #run(Path, ImportOptions, EventSink, ProgressDisplay)}, lines read by {@code
   * parser} (the generic format of a model: {@code io.shardstream.ingest.model.GenericLineParser}).
   */
  public static ImportReport run(
      Path file, ImportOptions options, LineParser parser, EventSink sink, ProgressDisplay progress)
      throws IOException {
    return new FileImporter(file, options, sink, progress, parser).run();
  }

  private ImportReport run() throws IOException {
    long started = System.nanoTime();
    boolean reachedEnd = false;
    progress.start("import " + file.getFileName(), "MiB", 1024 * 1024, Files.size(file));
    // A FileInputStream, not Files.newInputStream: an interrupt closes a channel under the reader,
    // while here it should only stop the loop, which then reports and checkpoints.
    try (LineReader lines =
        new LineReader(
            new BufferedInputStream(new FileInputStream(file.toFile()), 64 * 1024),
            options.maxLineBytes())) {
      LineReader.Line line;
      while ((line = lines.next()) != null) {
        if (Thread.currentThread().isInterrupted()) {
          // Ctrl-C through a shutdown hook: stop here, keep the checkpoint (written below).
          failure.compareAndSet(null, "interrupted");
          break;
        }
        if (line.number() >= options.fromLine()) {
          lastLine = line.number();
          if (!importLine(line)) {
            break;
          }
        }
        if (line.number() % PROGRESS_EVERY_LINES == 0) {
          showProgress(lines.bytesRead());
          checkpointIfDue(false);
        }
      }
      reachedEnd = line == null;
      if (!Thread.currentThread().isInterrupted()) {
        sink.flush(); // Kafka's flush throws when interrupted; what is acknowledged is in the
        // checkpoint
      }
      showProgress(lines.bytesRead());
    } finally {
      checkpointIfDue(true);
      progress.close();
    }
    return new ImportReport(
        file,
        options.fromLine(),
        lastLine,
        sent,
        acknowledged.get(),
        blankLines,
        badLineCount,
        badLines,
        failedDeliveries.get(),
        failure.get(),
        watermark.doneThrough(),
        reachedEnd,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** False when the import must stop. */
  private boolean importLine(LineReader.Line line) {
    if (failure.get() != null) {
      return false;
    }
    if (line.problem() != null) {
      bad(line.number(), line.problem());
      return true;
    }
    switch (parser.parse(line.text())) {
      case ParsedLine.Blank blank -> {
        blankLines++;
        watermark.passed(line.number());
      }
      case ParsedLine.Invalid invalid -> bad(line.number(), invalid.reason());
      case ParsedLine.Event event -> {
        return send(line.number(), event.record());
      }
    }
    return true;
  }

  private boolean send(long lineNumber, ChangeRecord record) {
    rateLimiter.acquire();
    watermark.sent(lineNumber);
    sent++;
    try {
      sink.send(record)
          .whenComplete(
              (ok, error) -> {
                if (error == null) {
                  watermark.acknowledged(lineNumber);
                  acknowledged.incrementAndGet();
                } else {
                  failedDeliveries.incrementAndGet();
                  failure.compareAndSet(
                      null, "line " + lineNumber + " was not delivered: " + error);
                }
              });
    } catch (SchemaRegistryException e) {
      failedDeliveries.incrementAndGet();
      failure.compareAndSet(null, "line " + lineNumber + ": " + e.getMessage());
      return false;
    }
    return true;
  }

  private void bad(long lineNumber, String reason) {
    BadLine badLine = new BadLine(lineNumber, reason);
    badLineCount++;
    if (badLines.size() < options.maxBadLinesKept()) {
      badLines.add(badLine);
    }
    watermark.passed(lineNumber);
    options.onBadLine().accept(badLine);
  }

  private void showProgress(long bytesRead) {
    progress.stepTo(bytesRead);
    progress.message(
        acknowledged.get()
            + " events"
            + (badLineCount > 0 ? ", " + badLineCount + " bad lines" : ""));
  }

  private void checkpointIfDue(boolean last) {
    if (options.checkpointFile() == null) {
      return;
    }
    long now = System.nanoTime();
    if (!last && now - nextCheckpointNanos < 0) {
      return;
    }
    nextCheckpointNanos = now + options.checkpointInterval().toNanos();
    long through = watermark.doneThrough();
    if (through != checkpointedThrough) {
      new ImportCheckpoint(file.toString(), through + 1).write(options.checkpointFile());
      checkpointedThrough = through;
    }
  }
}
