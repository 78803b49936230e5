package io.shardstream.dynamo.control;

/**
 * The control record changed since it was read (another switch or rollback won the race), or it
 * exists where none was expected. Read it again and decide again.
 */
public final class ControlConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ControlConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
