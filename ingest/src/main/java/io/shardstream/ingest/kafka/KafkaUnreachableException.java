package io.shardstream.ingest.kafka;

/**
 * The producer gave up waiting for Kafka (no metadata, no acknowledgement in time): most often a
 * wrong {@code kafka.bootstrap.servers} or a broker that is down. The message says what to check.
 */
public final class KafkaUnreachableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  KafkaUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Reports print a failed delivery's exception as is: the sentence, without the class name. */
  @Override
  public String toString() {
    return getMessage();
  }
}
