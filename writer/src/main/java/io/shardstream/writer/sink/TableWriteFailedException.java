package io.shardstream.writer.sink;

import org.apache.kafka.streams.errors.TaskMigratedException;

/**
 * The sink could not make its buffered writes durable: the task must not commit, so its records are
 * processed again (the writes are whole states, so writing them twice is harmless).
 *
 * <p>It is a {@link TaskMigratedException} on purpose: Kafka Streams answers that one on the same
 * thread by closing every task of the thread dirty (under exactly_once_v2 the open transaction is
 * aborted), rejoining the group and processing again from the committed offsets, which is exactly
 * the recovery a failed write needs. Any other exception kills the stream thread; its replacement
 * stays out of work until the group drops the dead member (a session timeout, 45 s by default).
 */
public final class TableWriteFailedException extends TaskMigratedException {
  private static final long serialVersionUID = 1L;

  public TableWriteFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
