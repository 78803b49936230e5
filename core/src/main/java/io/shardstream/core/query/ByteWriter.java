package io.shardstream.core.query;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes the compact binary fields of a cursor: unsigned varints and length-prefixed strings. */
final class ByteWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  ByteWriter varint(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("varints are unsigned");
    }
    while (value >= 0x80) {
      out.write((int) (value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
    return this;
  }

  ByteWriter bytes(byte[] value) {
    out.writeBytes(value);
    return this;
  }

  ByteWriter string(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    varint(utf8.length);
    return bytes(utf8);
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
