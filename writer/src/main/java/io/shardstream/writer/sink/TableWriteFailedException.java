package io.shardstream.writer.sink;

/**
 * The sink could not make its buffered writes durable: the task must not commit, so its records are
 * processed again (the writes are whole states, so writing them twice is harmless). Thrown to the
 * committing thread, which reports it to Kafka Streams as a failed commit ({@link
 * SinkFlushingProducer}).
 */
public final class TableWriteFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TableWriteFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
