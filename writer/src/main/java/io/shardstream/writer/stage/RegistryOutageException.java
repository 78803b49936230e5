package io.shardstream.writer.stage;

import io.shardstream.schemas.registry.SchemaRegistryUnavailableException;

/**
 * The schema registry cannot be reached, so a record cannot be decoded: it is not the record's
 * fault and must not be dead-lettered. Thrown out of the processor, it fails the stream thread
 * through Kafka Streams' public error path: under {@code exactly_once_v2} the thread's open
 * transaction is aborted (no dead letter, no offset, no output of the failed work is committed),
 * and the writer's {@code StreamsUncaughtExceptionHandler} pauses and answers {@code
 * REPLACE_THREAD}, so a new thread processes again from the last committed offsets. The pause is
 * the handler's, not the processor's: the processor never sleeps on a stream thread.
 */
public final class RegistryOutageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RegistryOutageException(SchemaRegistryUnavailableException cause) {
    super(
        "the schema registry is unavailable; the stream thread is replaced and the records are"
            + " processed again from the last committed offsets",
        cause);
  }
}
