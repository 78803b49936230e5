package io.shardstream.ingest.file;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an import did.
 *
 * @param firstLine the first line looked at ({@code --from-line})
 * @param lastLine the last line read (firstLine - 1 when none)
 * @param eventsSent events handed to the sink
 * @param eventsAcknowledged events the sink confirmed durable (for Kafka: acknowledged)
 * @param blankLines lines with only white space, skipped
 * @param badLineCount lines that are not events; the first ones are in {@code badLines}
 * @param failedDeliveries events the sink could not deliver
 * @param failure why the import stopped early (a delivery failure, the registry), null when it did
 *     not
 * @param acknowledgedThroughLine every line up to this one is in the sink or was reported bad
 * @param reachedEnd whether the whole file was read
 */
public record ImportReport(
    Path file,
    long firstLine,
    long lastLine,
    long eventsSent,
    long eventsAcknowledged,
    long blankLines,
    long badLineCount,
    List<BadLine> badLines,
    long failedDeliveries,
    String failure,
    long acknowledgedThroughLine,
    boolean reachedEnd,
    Duration elapsed) {

  public ImportReport {
    badLines = List.copyOf(badLines);
  }

  /** Where to resume ({@code --from-line}) after a crash or a stop. */
  public long nextLine() {
    return acknowledgedThroughLine + 1;
  }

  /** Every line read, imported or blank; nothing failed. */
  public boolean succeeded() {
    return reachedEnd && badLineCount == 0 && failedDeliveries == 0 && failure == null;
  }

  /**
   * 0 when it succeeded, 1 when lines were bad but everything else got through, 2 when it stopped
   * early.
   */
  public int exitCode() {
    if (failure != null || failedDeliveries > 0 || !reachedEnd) {
      return 2;
    }
    return badLineCount > 0 ? 1 : 0;
  }

  public Optional<String> failureMessage() {
    return Optional.ofNullable(failure);
  }

  public double eventsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : eventsAcknowledged / seconds;
  }

  /** A few lines for people, ending with where to resume when something was left undone. */
  public String summary() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            java.util.Locale.ROOT,
            "%s: lines %d-%d, %d events acknowledged of %d sent in %.1f s (%.0f events/s)",
            file,
            firstLine,
            lastLine,
            eventsAcknowledged,
            eventsSent,
            elapsed.toMillis() / 1000.0,
            eventsPerSecond()));
    text.append(
        String.format(
            java.util.Locale.ROOT, "%n%d bad lines, %d blank lines", badLineCount, blankLines));
    if (failedDeliveries > 0) {
      text.append(
          String.format(java.util.Locale.ROOT, ", %d events not delivered", failedDeliveries));
    }
    if (failure != null) {
      text.append(System.lineSeparator()).append("stopped: ").append(failure);
    }
    text.append(System.lineSeparator())
        .append("acknowledged through line ")
        .append(acknowledgedThroughLine);
    if (!reachedEnd || failure != null || failedDeliveries > 0) {
      text.append("; resume with --from-line ").append(nextLine());
    }
    return text.toString();
  }
}
