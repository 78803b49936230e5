package io.shardstream.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Plain Avro binary of generic records of one schema (an entity's derived event schema): values as
 * {@code GenericData} holds them, timestamps as epoch milliseconds and dates as days, no logical
 * type conversions. Thread-safe.
 */
final class GenericAvroEncoder {
  private final GenericDatumWriter<GenericRecord> writer;

  GenericAvroEncoder(Schema schema) {
    this.writer = new GenericDatumWriter<>(schema);
  }

  byte[] encode(GenericRecord event) {
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
}
