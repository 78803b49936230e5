package io.shardstream.ingest.file;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link FileImporter} runs. Start from {@link #defaults()} and change what is needed.
 *
 * @param fromLine the first line (1-based) to import; earlier lines are skipped unread
 * @param checkpointFile where to record the next line to resume from, updated as Kafka acknowledges
 *     (null: no checkpoint)
 * @param checkpointInterval how often the checkpoint is rewritten while importing
 * @param eventsPerSecond at most this many events per second; 0 = as fast as possible
 * @param source the {@code source} of events whose line gives none
 * @param importedAt the {@code occurredAt} of DELETE lines that give none; null = when the import
 *     starts
 * @param onBadLine called for each bad line as it is found (e.g. to print it on stderr)
 * @param maxBadLinesKept how many bad lines the report keeps (all are counted and passed to {@code
 *     onBadLine})
 * @param maxLineBytes longer lines are bad lines
 */
public record ImportOptions(
    long fromLine,
    Path checkpointFile,
    Duration checkpointInterval,
    double eventsPerSecond,
    String source,
    Instant importedAt,
    Consumer<BadLine> onBadLine,
    int maxBadLinesKept,
    int maxLineBytes) {

  public ImportOptions {
    if (fromLine < 1) {
      throw new IllegalArgumentException(
          "the first line to import is 1 or more (lines count from 1): " + fromLine);
    }
    Objects.requireNonNull(checkpointInterval, "checkpointInterval");
    if (!(eventsPerSecond >= 0) || Double.isInfinite(eventsPerSecond)) {
      throw new IllegalArgumentException(
          "rate must be >= 0 events/s (0 = as fast as possible): " + eventsPerSecond);
    }
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(onBadLine, "onBadLine");
    if (maxBadLinesKept < 0 || maxLineBytes < 1) {
      throw new IllegalArgumentException("maxBadLinesKept must be >= 0 and maxLineBytes >= 1");
    }
  }

  public static ImportOptions defaults() {
    return new ImportOptions(
        1, null, Duration.ofSeconds(1), 0, "file", null, line -> {}, 1000, 1024 * 1024);
  }

  public ImportOptions withFromLine(long line) {
    return new ImportOptions(
        line,
        checkpointFile,
        checkpointInterval,
        eventsPerSecond,
        source,
        importedAt,
        onBadLine,
        maxBadLinesKept,
        maxLineBytes);
  }

  public ImportOptions withCheckpoint(Path file) {
    return new ImportOptions(
        fromLine,
        file,
        checkpointInterval,
        eventsPerSecond,
        source,
        importedAt,
        onBadLine,
        maxBadLinesKept,
        maxLineBytes);
  }

  public ImportOptions withCheckpointInterval(Duration interval) {
    return new ImportOptions(
        fromLine,
        checkpointFile,
        interval,
        eventsPerSecond,
        source,
        importedAt,
        onBadLine,
        maxBadLinesKept,
        maxLineBytes);
  }

  public ImportOptions withRate(double perSecond) {
    return new ImportOptions(
        fromLine,
        checkpointFile,
        checkpointInterval,
        perSecond,
        source,
        importedAt,
        onBadLine,
        maxBadLinesKept,
        maxLineBytes);
  }

  public ImportOptions withSource(String name) {
    return new ImportOptions(
        fromLine,
        checkpointFile,
        checkpointInterval,
        eventsPerSecond,
        name,
        importedAt,
        onBadLine,
        maxBadLinesKept,
        maxLineBytes);
  }

  public ImportOptions withImportedAt(Instant instant) {
    return new ImportOptions(
        fromLine,
        checkpointFile,
        checkpointInterval,
        eventsPerSecond,
        source,
        instant,
        onBadLine,
        maxBadLinesKept,
        maxLineBytes);
  }

  public ImportOptions withOnBadLine(Consumer<BadLine> listener) {
    return new ImportOptions(
        fromLine,
        checkpointFile,
        checkpointInterval,
        eventsPerSecond,
        source,
        importedAt,
        listener,
        maxBadLinesKept,
        maxLineBytes);
  }

  public ImportOptions withMaxBadLinesKept(int count) {
    return new ImportOptions(
        fromLine,
        checkpointFile,
        checkpointInterval,
        eventsPerSecond,
        source,
        importedAt,
        onBadLine,
        count,
        maxLineBytes);
  }

  public ImportOptions withMaxLineBytes(int bytes) {
    return new ImportOptions(
        fromLine,
        checkpointFile,
        checkpointInterval,
        eventsPerSecond,
        source,
        importedAt,
        onBadLine,
        maxBadLinesKept,
        bytes);
  }
}
