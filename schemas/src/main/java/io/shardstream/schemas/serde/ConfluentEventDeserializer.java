package io.shardstream.schemas.serde;

import io.shardstream.schemas.registry.ConfluentRegistryClient;
import io.shardstream.schemas.registry.RegistrySettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format into one generated event class through the Confluent Schema
 * Registry API: the writer's schema comes from {@code /schemas/ids/{id}} (fetched once per id) and
 * Avro resolves it against the class's schema. Faults of the record become {@link
 * UndecodableEventException}s; faults of the registry stay {@code SchemaRegistryException}s.
 */
final class ConfluentEventDeserializer<T extends SpecificRecord> implements Deserializer<T> {
  private final RegistrySettings settings;
  private final Class<T> type;
  private final AvroBinaryCodec<T> codec;
  private final ConfluentRegistryClient client;
  private final Map<Integer, Schema> writerSchemas = new ConcurrentHashMap<>();

  ConfluentEventDeserializer(RegistrySettings settings, Class<T> type) {
    this.settings = settings;
    this.type = type;
    this.codec = AvroBinaryCodec.of(type);
    this.client = new ConfluentRegistryClient(settings);
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
    // Another record type cannot be resolved into this class: say so rather than "malformed".
    if (!writer.getFullName().equals(codec.schema().getFullName())) {
      throw UndecodableEventException.wrongEventType(
          type, schemaId, "describes " + writer.getFullName(), null);
    }
    return codec.decode(WireFormat.body(data), writer);
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
      throw UndecodableEventException.wrongEventType(type, schemaId, "is not an Avro schema", e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
