package io.shardstream.ingest.generate;

/** Why the generator emitted an event, and so what the writer should make of it. */
public enum EventKind {
  /** The first version of a new user or email. */
  CREATE(ExpectedOutcome.APPLIED),
  /** A newer version of a live user. */
  UPDATE(ExpectedOutcome.APPLIED),
  /** A user delete (its emails go with it) or an email delete. */
  DELETE(ExpectedOutcome.APPLIED),
  /** An earlier event sent again, unchanged: same eventId, same version as the entity's latest. */
  DUPLICATE(ExpectedOutcome.DUPLICATE),
  /** An older version arriving after the newer one that overtook it. */
  OUT_OF_ORDER(ExpectedOutcome.STALE),
  /** An event the writer must dead-letter; {@link InvalidKind} says why. */
  INVALID(ExpectedOutcome.DEAD_LETTER);

  private final ExpectedOutcome outcome;

  EventKind(ExpectedOutcome outcome) {
    this.outcome = outcome;
  }

  public ExpectedOutcome outcome() {
    return outcome;
  }
}
