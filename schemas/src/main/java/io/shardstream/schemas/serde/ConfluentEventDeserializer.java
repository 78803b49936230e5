package io.shardstream.schemas.serde;

import io.shardstream.schemas.registry.ConfluentRegistryClient;
import io.shardstream.schemas.registry.RegistrySettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format through the Confluent Schema Registry API: the writer's schema
 * comes from {@code /schemas/ids/{id}} (fetched once per id) and Avro resolves it against the
 * reader's, a generated event class ({@link #specific}) or an entity's derived schema ({@link
 * #generic}). Faults of the record become {@link UndecodableEventException}s; faults of the
 * registry stay {@code SchemaRegistryException}s.
 */
final class ConfluentEventDeserializer<T> implements Deserializer<T> {
  /** How the Avro body is read once the writer's schema is known. */
  private interface BodyReader<T> {
    String expected();

    boolean accepts(Schema writer);

    T read(byte[] body, Schema writer);
  }

  private final RegistrySettings settings;
  private final BodyReader<T> reader;
  private final ConfluentRegistryClient client;
  private final Map<Integer, Schema> writerSchemas = new ConcurrentHashMap<>();

  private ConfluentEventDeserializer(RegistrySettings settings, BodyReader<T> reader) {
    this.settings = settings;
    this.reader = reader;
    this.client = new ConfluentRegistryClient(settings);
  }

  /** Into one generated event class. */
  static <T extends SpecificRecord> ConfluentEventDeserializer<T> specific(
      RegistrySettings settings, Class<T> type) {
    AvroBinaryCodec<T> codec = AvroBinaryCodec.of(type);
    return new ConfluentEventDeserializer<>(
        settings,
        new BodyReader<>() {
          @Override
          public String expected() {
            return type.getSimpleName();
          }

          @Override
          public boolean accepts(Schema writer) {
            // Another record type cannot be resolved into this class.
            return writer.getFullName().equals(codec.schema().getFullName());
          }

          @Override
          public T read(byte[] body, Schema writer) {
            return codec.decode(body, writer);
          }
        });
  }

  /** Into generic records of an entity's derived event schema. */
  static ConfluentEventDeserializer<GenericRecord> generic(
      RegistrySettings settings, GenericEventCodec codec) {
    return new ConfluentEventDeserializer<>(
        settings,
        new BodyReader<>() {
          @Override
          public String expected() {
            return codec.schema().getName();
          }

          @Override
          public boolean accepts(Schema writer) {
            return codec.describesThisEvent(writer);
          }

          @Override
          public GenericRecord read(byte[] body, Schema writer) {
            return codec.decode(body, writer);
          }
        });
  }

  /** Configured at construction: Kafka's client properties hold no registry settings. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  /** Headers are ignored: the schema id travels in the payload. */
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
    int schemaId = WireFormat.schemaId(data);
    Schema writer = writerSchemas.get(schemaId);
    if (writer == null) {
      writer = fetch(schemaId);
      writerSchemas.put(schemaId, writer);
    }
    // Another record type cannot be resolved into the reader's: say so rather than "malformed".
    if (!reader.accepts(writer)) {
      throw UndecodableEventException.wrongEventType(
          reader.expected(), schemaId, "describes " + writer.getFullName(), null);
    }
    return reader.read(WireFormat.body(data), writer);
  }

  /** Unknown ids are not cached: a registry restored from a backup may know them later. */
  private Schema fetch(int schemaId) {
    String text =
        client
            .schema(schemaId)
            .orElseThrow(
                () -> UndecodableEventException.unknownSchemaId(schemaId, settings.apiUrl(), null));
    try {
      return new Schema.Parser().parse(text);
    } catch (SchemaParseException e) {
      throw UndecodableEventException.wrongEventType(
          reader.expected(), schemaId, "is not an Avro schema", e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
