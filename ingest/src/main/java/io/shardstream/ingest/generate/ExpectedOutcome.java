package io.shardstream.ingest.generate;

/** How the writer's version gate and validation should count an event (DESIGN §5). */
public enum ExpectedOutcome {
  APPLIED,
  DUPLICATE,
  STALE,
  DEAD_LETTER
}
