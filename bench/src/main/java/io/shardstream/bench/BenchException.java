package io.shardstream.bench;

/**
 * A benchmark could not run for a reason the user can act on (node missing, install failed, a
 * forked JVM that cannot see the classes). {@link BenchMain} prints its message without a stack
 * trace.
 */
public class BenchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BenchException(String message) {
    super(message);
  }

  public BenchException(String message, Throwable cause) {
    super(message, cause);
  }
}
