package io.shardstream.writer;

import io.shardstream.dynamo.write.BatchWriteAbortedException;
import io.shardstream.schemas.registry.SchemaRegistryUnavailableException;
import io.shardstream.writer.sink.TableWriteFailedException;
import java.time.Duration;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What a dying stream thread does next. A failed table write normally does not get here (it fails
 * the transaction commit and the thread recovers, see {@code SinkFlushingProducer}); an outage that
 * does (the schema registry unreachable while decoding: {@code RegistryOutageException}, a DynamoDB
 * error outside the sink) is waited out: after a pause the thread is replaced, and its tasks
 * restore their state from the changelogs and process again from the last committed offsets once
 * the group has dropped the dead thread's member. Anything else is a bug or a misconfiguration, and
 * stops the client (readiness goes down, {@code WriterMain} exits).
 */
final class WriterExceptionHandler implements StreamsUncaughtExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WriterExceptionHandler.class);

  private final Duration backoff;

  WriterExceptionHandler(Duration backoff) {
    this.backoff = backoff;
  }

  @Override
  public StreamThreadExceptionResponse handle(Throwable exception) {
    if (isOutage(exception)) {
      LOG.warn(
          "stream thread failed on an outage; replacing it in {}: {}",
          backoff,
          rootMessage(exception));
      pause();
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    LOG.error("stream thread failed; stopping the writer", exception);
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }

  static boolean isOutage(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof TableWriteFailedException
          || cause instanceof BatchWriteAbortedException
          || cause instanceof SchemaRegistryUnavailableException
          || cause instanceof SdkException) {
        return true;
      }
    }
    return false;
  }

  private void pause() {
    try {
      Thread.sleep(backoff);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String rootMessage(Throwable exception) {
    Throwable root = exception;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
