package io.shardstream.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.EncoderFactory;

/**
 * Reads Avro binary of an entity's change events into {@link GenericRecord}s of one schema (the
 * reader schema, an entity's derived schema): bytes written with another version of the event are
 * resolved against it (fields added since get their defaults), so a validator always sees the
 * fields of the configuration it runs with. Logical types decode as the generated classes do (uuid
 * → {@code UUID}, timestamp-millis → {@code Instant}, date → {@code LocalDate}), so a bad UUID is
 * malformed here as it is there. Thread-safe.
 */
public final class GenericEventCodec {
  private static final GenericData MODEL = model();

  private final Schema schema;
  private final Map<Schema, DatumReader<GenericRecord>> readers = new ConcurrentHashMap<>();

  public GenericEventCodec(Schema schema) {
    this.schema = schema;
  }

  /** The reader schema: every decoded record has it. */
  public Schema schema() {
    return schema;
  }

  /** Bytes written with the reader schema itself (plain Avro: nothing says which wrote them). */
  public GenericRecord decode(byte[] bytes) {
    return decode(bytes, schema);
  }

  /**
   * Bytes written with {@code writerSchema}, resolved against the reader schema.
   *
   * @throws UndecodableEventException {@link DecodeFailure#MALFORMED_AVRO} when they do not match
   */
  public GenericRecord decode(byte[] bytes, Schema writerSchema) {
    return AvroBinaryCodec.read(reader(writerSchema), bytes, schema.getName());
  }

  /**
   * A record some other reader decoded with its writer schema (Apicurio's generic reader), read
   * again into the reader schema.
   */
  GenericRecord resolve(GenericRecord decoded) {
    Schema writerSchema = decoded.getSchema();
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      new GenericDatumWriter<GenericRecord>(writerSchema, GenericData.get())
          .write(decoded, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    } catch (RuntimeException e) {
      throw new UndecodableEventException(
          DecodeFailure.MALFORMED_AVRO, "the body does not match its schema: " + e, e);
    }
    return decode(out.toByteArray(), writerSchema);
  }

  /**
   * Whether a writer schema describes this event: the same record name, namespace aside (today's
   * User/Email events are {@code io.shardstream.schemas.avro.*}, derived ones {@code
   * io.shardstream.events.*}).
   */
  boolean describesThisEvent(Schema writerSchema) {
    return writerSchema.getType() == Schema.Type.RECORD
        && writerSchema.getName().equals(schema.getName());
  }

  private DatumReader<GenericRecord> reader(Schema writerSchema) {
    return readers.computeIfAbsent(
        writerSchema, writer -> new GenericDatumReader<>(writer, schema, MODEL));
  }

  private static GenericData model() {
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new Conversions.UUIDConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    model.addLogicalTypeConversion(new TimeConversions.DateConversion());
    return model;
  }
}
