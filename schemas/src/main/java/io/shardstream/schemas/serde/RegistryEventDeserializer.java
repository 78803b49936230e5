package io.shardstream.schemas.serde;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.shardstream.schemas.registry.RegistryFailures;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistryUnavailableException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Apicurio's Avro deserializer, reading into one generated class ({@link #specific}) or into
 * generic records of an entity's derived schema ({@link #generic}), with every failure sorted into
 * a fault of the record ({@link UndecodableEventException}) or of the registry ({@code
 * SchemaRegistryUnavailableException} and other {@code SchemaRegistryException}s).
 */
final class RegistryEventDeserializer<T> implements Deserializer<T> {
  /** What Apicurio's reader returned, as the caller's type, or why it is not one. */
  private interface Conversion<T> {
    T convert(Object value, int schemaId);
  }

  /**
   * How long one decode may wait for the registry. Apicurio's client sets no request timeout, and a
   * request whose answer never comes (seen once in a test on a loaded machine) would hold the
   * stream thread for good; past this it is an outage like a refused connection, which the writer
   * waits out and retries.
   */
  static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

  /** Runs each registry-bound decode, so that the caller can stop waiting for it. */
  private static final ExecutorService LOOKUPS = Executors.newVirtualThreadPerTaskExecutor();

  private final AvroKafkaDeserializer<Object> apicurio = new AvroKafkaDeserializer<>();
  private final RegistrySettings settings;
  private final Duration answerWithin;
  private final String expected;
  private final Conversion<T> conversion;

  private RegistryEventDeserializer(
      RegistrySettings settings,
      Duration answerWithin,
      boolean specific,
      String expected,
      Conversion<T> conversion) {
    this.settings = settings;
    this.answerWithin = answerWithin;
    this.expected = expected;
    this.conversion = conversion;
    apicurio.configure(ApicurioSerdeConfig.of(settings, specific), false);
  }

  /** Into one generated event class (the writer schema resolved against the class's). */
  static <T> RegistryEventDeserializer<T> specific(RegistrySettings settings, Class<T> type) {
    return specific(settings, type, ANSWER_WITHIN);
  }

  /** As above, waiting at most {@code answerWithin} for the registry. */
  static <T> RegistryEventDeserializer<T> specific(
      RegistrySettings settings, Class<T> type, Duration answerWithin) {
    return new RegistryEventDeserializer<>(
        settings,
        answerWithin,
        true,
        type.getSimpleName(),
        (value, schemaId) -> {
          if (!type.isInstance(value)) {
            throw UndecodableEventException.wrongEventType(
                type.getSimpleName(), schemaId, "describes " + describe(value), null);
          }
          return type.cast(value);
        });
  }

  /**
   * Into generic records of {@code codec}'s schema: Apicurio reads with the writer schema, which is
   * then resolved against the derived one.
   */
  static RegistryEventDeserializer<GenericRecord> generic(
      RegistrySettings settings, GenericEventCodec codec) {
    String expected = codec.schema().getName();
    return new RegistryEventDeserializer<>(
        settings,
        ANSWER_WITHIN,
        false,
        expected,
        (value, schemaId) -> {
          if (!(value instanceof GenericRecord record)
              || !codec.describesThisEvent(record.getSchema())) {
            throw UndecodableEventException.wrongEventType(
                expected, schemaId, "describes " + describe(value), null);
          }
          return codec.resolve(record);
        });
  }

  /** Configured at construction: Kafka's client properties hold no registry settings. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  /**
   * Headers are ignored on purpose: Apicurio would take an encoding header as a lasting setting of
   * the shared deserializer, and our schema ids travel in the payload.
   */
  @Override
  public T deserialize(String topic, Headers headers, byte[] data) {
    return deserialize(topic, data);
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    WireFormat.checkFraming(data);
    Object value;
    try {
      value = withinTime(topic, data);
    } catch (RuntimeException e) {
      throw explain(e, data);
    }
    return conversion.convert(value, WireFormat.schemaId(data));
  }

  /** Apicurio's decode, given up (and interrupted) when the registry does not answer in time. */
  private Object withinTime(String topic, byte[] data) {
    Future<Object> decode = LOOKUPS.submit(() -> apicurio.deserialize(topic, data));
    try {
      return decode.get(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      decode.cancel(true);
      throw new SchemaRegistryUnavailableException(
          "schema registry at "
              + settings.apiUrl()
              + " did not answer within "
              + answerWithin.toSeconds()
              + " s while fetching schema id "
              + WireFormat.schemaId(data),
          e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      decode.cancel(true);
      Thread.currentThread().interrupt();
      throw new SchemaRegistryUnavailableException("interrupted while fetching a schema", e);
    }
  }

  private RuntimeException explain(RuntimeException failure, byte[] data) {
    int schemaId = WireFormat.schemaId(data);
    if (RegistryFailures.isUnavailable(failure)) {
      return RegistryFailures.describe(
          failure, "fetching schema id " + schemaId, settings.apiUrl());
    }
    int status = RegistryFailures.status(failure);
    if (status == 404) {
      return UndecodableEventException.unknownSchemaId(schemaId, settings.apiUrl(), failure);
    }
    if (status != -1) {
      // Refused for another reason (authorisation...): the registry's problem, not the record's.
      return RegistryFailures.describe(
          failure, "fetching schema id " + schemaId, settings.apiUrl());
    }
    if (isUnknownRecordClass(failure)) {
      return UndecodableEventException.wrongEventType(
          expected, schemaId, "describes a record with no generated class", failure);
    }
    return new UndecodableEventException(
        DecodeFailure.MALFORMED_AVRO,
        "the body does not match schema id " + schemaId + ": " + failure,
        failure);
  }

  /**
   * Apicurio's specific reader looks the class up by the writer schema's name and says so in words.
   */
  private static boolean isUnknownRecordClass(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException
          && String.valueOf(t.getMessage()).startsWith("Could not find class")) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Object value) {
    return value instanceof org.apache.avro.generic.GenericContainer container
        ? container.getSchema().getFullName()
        : String.valueOf(value);
  }

  @Override
  public void close() {
    apicurio.close();
  }
}
