package io.shardstream.ingest.generate;

/**
 * The ways a generated event breaks the writer's rules (DESIGN §5). Each is structurally a valid
 * event (it imports from a file and serializes) except {@link #UNDECODABLE}, so that the rule is
 * tested where it lives: in the writer.
 */
public enum InvalidKind {
  /** A new user whose userId is the empty string. */
  EMPTY_USER_ID("empty-user-id"),
  /** A new address without exactly one {@code @} between a local part and a domain. */
  BAD_EMAIL_SYNTAX("bad-email-syntax"),
  /** A user update whose phone holds letters. */
  PHONE_WITH_LETTERS("phone-with-letters"),
  /** A user update whose {@code updated} is before the user's {@code created}. */
  UPDATED_BEFORE_CREATED("updated-before-created"),
  /** A new user created years after the generator's base time. */
  CREATED_IN_FUTURE("created-in-future"),
  /** A new user whose userId holds the seed configuration's generated-key delimiter. */
  DELIMITER_IN_ID("delimiter-in-id"),
  /** A live address claimed, with a newer version, by another live user. */
  EMAIL_OWNED_BY_OTHER_USER("email-owned-by-other-user"),
  /**
   * Bytes that are no registry-framed Avro event at all (JSON text, an unknown schema id, noise).
   */
  UNDECODABLE("undecodable");

  private final String label;

  InvalidKind(String label) {
    this.label = label;
  }

  /** Lower-case, dashed: for notes, options and reports. */
  public String label() {
    return label;
  }
}
