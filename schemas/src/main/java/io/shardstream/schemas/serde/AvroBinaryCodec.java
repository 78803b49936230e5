package io.shardstream.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Plain Avro binary of one generated event class, without registry framing: for unit tests, {@code
 * TopologyTestDriver} and files. Readers and writers are thread-safe and reused.
 *
 * <p>Without a registry nothing says which schema wrote the bytes, so {@link #decode(byte[])}
 * assumes the current one; {@link #decode(byte[], Schema)} reads bytes of an older version.
 */
public final class AvroBinaryCodec<T extends SpecificRecord> {
  private final Class<T> type;
  private final SpecificData model;
  private final Schema schema;
  private final SpecificDatumWriter<T> writer;
  private final Map<Schema, DatumReader<T>> readers = new ConcurrentHashMap<>();

  private AvroBinaryCodec(Class<T> type) {
    AvroClassTrust.trustEventClasses();
    this.type = type;
    // The class's own model carries its logical-type conversions (UUID, Instant).
    this.model = SpecificData.getForClass(type);
    this.schema = model.getSchema(type);
    this.writer = new SpecificDatumWriter<>(schema, model);
  }

  public static <T extends SpecificRecord> AvroBinaryCodec<T> of(Class<T> type) {
    return new AvroBinaryCodec<>(type);
  }

  /** The schema the codec writes and reads into (the generated class's). */
  public Schema schema() {
    return schema;
  }

  public byte[] encode(T event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      writer.write(event, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }

  /**
   * Bytes written with the current schema.
   *
   * @throws UndecodableEventException {@link DecodeFailure#MALFORMED_AVRO} when they are not
   */
  public T decode(byte[] bytes) {
    return decode(bytes, schema);
  }

  /**
   * Bytes written with {@code writerSchema} (an older version of the event), read into the current
   * class through Avro schema resolution: fields added since get their defaults.
   */
  public T decode(byte[] bytes, Schema writerSchema) {
    return read(reader(writerSchema), bytes, type.getSimpleName());
  }

  /**
   * One whole event read from {@code bytes}; shared with {@link GenericEventCodec}.
   *
   * @throws UndecodableEventException {@link DecodeFailure#MALFORMED_AVRO} when the bytes do not
   *     hold exactly one {@code typeName}
   */
  static <R> R read(DatumReader<R> reader, byte[] bytes, String typeName) {
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
    R event;
    boolean complete;
    try {
      event = reader.read(null, decoder);
      complete = decoder.isEnd();
    } catch (IOException | RuntimeException e) {
      // Corrupt bytes surface as EOF, negative lengths, bad union indexes, bad UUIDs...: all the
      // same here.
      throw new UndecodableEventException(
          DecodeFailure.MALFORMED_AVRO, "not a " + typeName + " in Avro binary: " + e, e);
    }
    if (!complete) {
      throw new UndecodableEventException(
          DecodeFailure.MALFORMED_AVRO, "bytes left over after a complete " + typeName);
    }
    return event;
  }

  private DatumReader<T> reader(Schema writerSchema) {
    return readers.computeIfAbsent(
        writerSchema, writer -> new SpecificDatumReader<>(writer, schema, model));
  }
}
