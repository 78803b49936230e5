package io.shardstream.writer.stage;

import io.shardstream.schemas.registry.SchemaRegistryUnavailableException;
import java.time.Duration;
import org.apache.kafka.streams.errors.TaskMigratedException;

/**
 * The schema registry cannot be reached, so a record cannot be decoded: it is not the record's
 * fault and must not be dead-lettered. As a {@link TaskMigratedException} it makes Kafka Streams
 * close the thread's tasks dirty (aborting the transaction) and process again from the committed
 * offsets on the same thread, after a pause so that an outage does not spin.
 */
public final class RegistryOutageException extends TaskMigratedException {
  private static final long serialVersionUID = 1L;

  private RegistryOutageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Pauses for {@code backoff}, then returns the exception to throw. */
  static RegistryOutageException after(Duration backoff, SchemaRegistryUnavailableException cause) {
    try {
      Thread.sleep(backoff);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new RegistryOutageException(
        "the schema registry is unavailable; the records are" + " processed again", cause);
  }
}
