package io.shardstream.core.query;

/** A search that cannot be planned: unknown names, indexes that cannot merge, bad values. */
public final class QueryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public QueryException(String message) {
    super(message);
  }

  public QueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
