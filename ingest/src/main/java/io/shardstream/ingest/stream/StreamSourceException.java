package io.shardstream.ingest.stream;

/**
 * The stream source cannot start or run for a reason its user can fix (no such table, stream off or
 * of the wrong view type, DynamoDB unreachable, no region); the message says which.
 */
public final class StreamSourceException extends RuntimeException {
  public StreamSourceException(String message) {
    super(message);
  }

  public StreamSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
