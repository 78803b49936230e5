package io.shardstream.ingest.file;

import java.util.TreeSet;

/**
 * The last line of a file up to which everything is done: produced and acknowledged, or reported
 * bad, or blank. Kafka acknowledges records out of line order (partitions are independent), so the
 * watermark is the line before the oldest one still in flight. A line whose delivery failed stays
 * in flight for ever, which holds the watermark before it: resuming re-sends it.
 */
final class AckWatermark {
  private final TreeSet<Long> inFlight = new TreeSet<>();
  private long highestPassed;

  /**
   * @param firstLine the first line this import looks at
   */
  AckWatermark(long firstLine) {
    this.highestPassed = firstLine - 1;
  }

  /** A line handed to the sink; done once {@link #acknowledged}. */
  synchronized void sent(long line) {
    inFlight.add(line);
    highestPassed = Math.max(highestPassed, line);
  }

  /** A line that needs nothing more (blank, reported bad). */
  synchronized void passed(long line) {
    highestPassed = Math.max(highestPassed, line);
  }

  synchronized void acknowledged(long line) {
    inFlight.remove(line);
  }

  /** Every line up to and including this one is done. */
  synchronized long doneThrough() {
    return inFlight.isEmpty() ? highestPassed : inFlight.first() - 1;
  }
}
