package io.shardstream.writer.metrics;

/** What became of one input event: exactly one of these, counted once. */
public enum EventOutcome {
  /** Passed the gate; the table holds its state. */
  APPLIED("applied"),
  /** Older than the entity's applied version: ignored. */
  STALE("stale"),
  /** The same version as the entity's applied one: ignored. */
  DUPLICATE("duplicate"),
  /** Sent to the dead-letter topic with a reason. */
  DEAD_LETTERED("dead-lettered");

  private final String tag;

  EventOutcome(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }
}
