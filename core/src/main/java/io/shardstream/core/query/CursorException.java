package io.shardstream.core.query;

/**
 * A cursor the server will not resume from. The message says why in words a client can act on; the
 * HTTP layer turns every kind into a 400 problem (title from {@link Kind#title()}).
 */
public final class CursorException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final Kind kind;

  public CursorException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public enum Kind {
    /** Not a cursor this server could have written: bad base64url, truncated, garbled. */
    MALFORMED("Malformed cursor"),
    /** Well-formed but its signature does not verify: altered, or signed with another key. */
    TAMPERED("Tampered cursor"),
    /** Signed by us for a different search (other indexes, conditions, filters, window, order). */
    FOREIGN_QUERY("Cursor belongs to another search"),
    /** Signed by us under another entity configuration version. */
    STALE_CONFIG("Cursor from an older configuration"),
    /** A cursor format this server does not read. */
    UNSUPPORTED_VERSION("Unsupported cursor version");

    private final String title;

    Kind(String title) {
      this.title = title;
    }

    /** A short human title, e.g. for problem+json. */
    public String title() {
      return title;
    }
  }
}
