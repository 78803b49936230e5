package io.shardstream.dynamo.write;

/** Why a BatchWriteItem request did not write everything it carried. */
public enum FailureKind {
  /** DynamoDB answered but left some items unprocessed (capacity). Retried. */
  UNPROCESSED(true),
  /**
   * Throttled: ProvisionedThroughputExceeded, ThrottlingException, RequestLimitExceeded. Retried.
   */
  THROTTLED(true),
  /** A 5xx answer. Retried. */
  SERVER_ERROR(true),
  /** No answer: connection refused or reset, timeout, I/O error. Retried. */
  CONNECTION(true),
  /** The request is invalid (a 400 ValidationException, e.g. an item over 400 KB). Not retried. */
  VALIDATION(false),
  /** Anything else (missing table, access denied, interrupted): the whole write stops. */
  FATAL(false);

  private final boolean retryable;

  FailureKind(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
