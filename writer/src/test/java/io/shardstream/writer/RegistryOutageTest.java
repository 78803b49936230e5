package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.shardstream.schemas.registry.SchemaRegistryUnavailableException;
import io.shardstream.schemas.serde.ChangeEventDecoder;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.writer.stage.RegistryOutageException;
import io.shardstream.writer.testing.Events;
import io.shardstream.writer.testing.WriterDriver;
import java.time.Duration;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.errors.TaskMigratedException;
import org.junit.jupiter.api.Test;

/**
 * An unreachable registry is not the record's fault: no dead letter, no count, no commit; the
 * stream thread fails through the public path, and the writer's uncaught-exception handler replaces
 * it (after its pause) rather than stopping the writer.
 */
class RegistryOutageTest {

  @Test
  void aRecordThatCannotBeDecodedForWantOfTheRegistryIsNotDeadLettered() {
    try (WriterDriver writer = new WriterDriver(1000, new UnreachableRegistry())) {
      // Kafka Streams wraps a processing failure (the default processing-exception handler
      // fails), and hands the wrapper to the uncaught-exception handler when the thread dies.
      Throwable thrown = catchThrowable(() -> writer.send(Events.userUpsert("u-1", 1)));
      assertThat(thrown)
          .isInstanceOf(StreamsException.class)
          .isNotInstanceOf(TaskMigratedException.class)
          .cause()
          .isInstanceOf(RegistryOutageException.class)
          .isNotInstanceOf(TaskMigratedException.class)
          .hasCauseInstanceOf(SchemaRegistryUnavailableException.class);
      assertThat(new WriterExceptionHandler(Duration.ofMillis(1)).handle(thrown))
          .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);

      assertThat(writer.deadLetters()).isEmpty();
      assertThat(writer.metrics().eventsTotal()).isZero();
      assertThat(writer.table().items()).isEmpty();
    }
  }

  /** Reads like the registry serdes do when the registry does not answer. */
  private static final class UnreachableRegistry implements ChangeEventSerdes {
    @Override
    public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> eventType) {
      Serde<T> plain = ChangeEventSerdes.plainAvro().valueSerde(eventType);
      return Serdes.serdeFrom(
          plain.serializer(),
          (topic, bytes) -> {
            throw unavailable();
          });
    }

    @Override
    public ChangeEventDecoder<GenericRecord> genericDecoder(Schema eventSchema) {
      return ChangeEventDecoder.of(
          (topic, bytes) -> {
            throw unavailable();
          });
    }

    private static SchemaRegistryUnavailableException unavailable() {
      return new SchemaRegistryUnavailableException(
          "registry at http://registry:8081 does not" + " answer",
          new java.net.ConnectException("Connection refused"));
    }
  }
}
