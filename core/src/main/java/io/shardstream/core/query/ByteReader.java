package io.shardstream.core.query;

import io.shardstream.core.query.CursorException.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what {@link ByteWriter} wrote; any inconsistency is a malformed cursor. */
final class ByteReader {
  private final byte[] data;
  private int offset;

  ByteReader(byte[] data) {
    this.data = data;
  }

  long varint() {
    long value = 0;
    for (int shift = 0; shift < 63; shift += 7) {
      int b = next();
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw malformed("number too long");
  }

  int count(int max) {
    long value = varint();
    if (value > max) {
      throw malformed("count " + value + " out of range");
    }
    return (int) value;
  }

  byte[] bytes(int length) {
    if (length > data.length - offset) {
      throw malformed("truncated");
    }
    byte[] value = Arrays.copyOfRange(data, offset, offset + length);
    offset += length;
    return value;
  }

  String string() {
    byte[] utf8 = bytes(count(data.length - offset));
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8))
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed("invalid UTF-8");
    }
  }

  boolean atEnd() {
    return offset == data.length;
  }

  void end() {
    if (offset != data.length) {
      throw malformed("trailing bytes");
    }
  }

  private int next() {
    if (offset >= data.length) {
      throw malformed("truncated");
    }
    return data[offset++] & 0xff;
  }

  static CursorException malformed(String why) {
    return new CursorException(
        Kind.MALFORMED,
        "the cursor is not one this server issued ("
            + why
            + "); pass back the cursor of the previous page unchanged, or start again without one");
  }
}
