package io.shardstream.dynamo.write;

import java.util.List;

/**
 * The write stopped before every operation was settled: retries ran out (DynamoDB throttled or
 * unreachable for longer than the {@link RetryPolicy} allows), or DynamoDB answered with an error
 * no retry can fix (missing table, access denied), or the calling thread was interrupted. The
 * caller must not commit the source offsets; writing the same operations again is safe.
 */
public final class BatchWriteAbortedException extends RuntimeException {
  private final transient BatchWriteResult partial;
  private final List<Integer> notWritten;

  public BatchWriteAbortedException(
      String message, Throwable cause, BatchWriteResult partial, List<Integer> notWritten) {
    super(
        message
            + " ("
            + notWritten.size()
            + " of "
            + partial.operations()
            + " operations not confirmed)",
        cause);
    this.partial = partial;
    this.notWritten = List.copyOf(notWritten);
  }

  /** What was settled before the stop; its rejections are final. */
  public BatchWriteResult partial() {
    return partial;
  }

  /** Indexes of the operations whose write is not confirmed (some may have landed), sorted. */
  public List<Integer> notWritten() {
    return notWritten;
  }
}
