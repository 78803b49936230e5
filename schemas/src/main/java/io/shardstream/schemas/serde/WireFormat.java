package io.shardstream.schemas.serde;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format every registry serde here writes and reads: magic byte 0, the schema id
 * as a 4-byte big-endian int, then the Avro binary body.
 */
final class WireFormat {
  static final byte MAGIC_BYTE = 0;

  /** Magic byte and schema id. */
  static final int FRAME_LENGTH = 5;

  private WireFormat() {}

  /**
   * @throws UndecodableEventException {@link DecodeFailure#NOT_REGISTRY_FRAMED} when {@code data}
   *     does not start with a frame
   */
  static void checkFraming(byte[] data) {
    if (data.length < FRAME_LENGTH) {
      throw new UndecodableEventException(
          DecodeFailure.NOT_REGISTRY_FRAMED,
          data.length
              + " bytes, fewer than the "
              + FRAME_LENGTH
              + " of a magic byte and schema id");
    }
    if (data[0] != MAGIC_BYTE) {
      throw new UndecodableEventException(
          DecodeFailure.NOT_REGISTRY_FRAMED,
          String.format("first byte is 0x%02x, not the magic byte 0x00", data[0]));
    }
  }

  /** The schema id of framed {@code data}. */
  static int schemaId(byte[] data) {
    return ByteBuffer.wrap(data, 1, 4).getInt();
  }

  /** The Avro body of framed {@code data}. */
  static byte[] body(byte[] data) {
    byte[] body = new byte[data.length - FRAME_LENGTH];
    System.arraycopy(data, FRAME_LENGTH, body, 0, body.length);
    return body;
  }

  /** {@code body} framed with {@code schemaId}. */
  static byte[] frame(long schemaId, byte[] body) {
    if (schemaId < 0 || schemaId > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("schema id " + schemaId + " does not fit in 4 bytes");
    }
    return ByteBuffer.allocate(FRAME_LENGTH + body.length)
        .put(MAGIC_BYTE)
        .putInt((int) schemaId)
        .put(body)
        .array();
  }
}
