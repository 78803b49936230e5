package io.shardstream.core.query;

import io.shardstream.core.query.CursorException.Kind;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a {@link CursorState} into an opaque, URL-safe cursor string and back.
 *
 * <p>Layout, base64url without padding: {@code version(1) flags(1) body tag(16)}. The version byte
 * is {@code 0xC0 | version}: the high nibble marks a cursor, so garbage reads as malformed rather
 * than as some future version (every cursor therefore starts with {@code w}). The body is the
 * {@link CursorPayload}, raw-deflated when that is shorter (flag bit 0). The tag is HMAC-SHA256
 * over everything before it under the server key, truncated to 16 bytes, and compared in constant
 * time. The payload binds the configuration version and the search's fingerprint, so a cursor only
 * resumes the search that issued it. Thread-safe.
 */
public final class CursorCodec {
  /**
   * 2: partition positions are (range key value, unique property), ties ordered by the unique
   * property ({@link PartitionState}). Version 1 cursors (positions in DynamoDB's scan order) are
   * refused as {@link CursorException.Kind#UNSUPPORTED_VERSION}: the search starts again.
   */
  static final int FORMAT_VERSION = 2;

  private static final int MAGIC = 0xC0;
  private static final int MAGIC_MASK = 0xF0;
  private static final int HEADER_BYTES = 2;
  private static final int TAG_BYTES = 16;
  private static final int FLAG_DEFLATED = 1;
  private static final int MIN_KEY_BYTES = 16;

  /** Far above any real cursor; refuses oversized input before any work. */
  private static final int MAX_CURSOR_CHARS = 16_384;

  private static final int MAX_PAYLOAD_BYTES = 1 << 20;
  private static final String MAC_ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  /**
   * @param key the server's secret, at least 16 bytes; every instance of the API shares it
   */
  public CursorCodec(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("cursor key must be at least " + MIN_KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key.clone(), MAC_ALGORITHM);
  }

  public String encode(QueryPlan plan, CursorState state) {
    if (state.partitions().size() != plan.partitions().size()) {
      throw new IllegalArgumentException(
          "state has "
              + state.partitions().size()
              + " partitions; the plan has "
              + plan.partitions().size());
    }
    return seal(CursorPayload.write(plan, state));
  }

  /**
   * The state a cursor carries for {@code plan}, one entry per plan partition.
   *
   * @throws CursorException saying why the cursor cannot resume this search
   */
  public CursorState decode(String cursor, QueryPlan plan) {
    return CursorPayload.read(plan, open(cursor));
  }

  /** Signs a payload; package-private so tests can craft signed payloads. */
  String seal(byte[] payload) {
    byte[] deflated = deflate(payload);
    boolean compress = deflated.length < payload.length;
    byte[] body = compress ? deflated : payload;
    byte[] signed = new byte[HEADER_BYTES + body.length + TAG_BYTES];
    signed[0] = (byte) (MAGIC | FORMAT_VERSION);
    signed[1] = (byte) (compress ? FLAG_DEFLATED : 0);
    System.arraycopy(body, 0, signed, HEADER_BYTES, body.length);
    byte[] tag = tag(signed, HEADER_BYTES + body.length);
    System.arraycopy(tag, 0, signed, HEADER_BYTES + body.length, TAG_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
  }

  /** Checks a cursor's form, version and signature; returns its payload. */
  byte[] open(String cursor) {
    if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_CURSOR_CHARS) {
      throw ByteReader.malformed(cursor == null || cursor.isEmpty() ? "empty" : "too long");
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw ByteReader.malformed("not base64url");
    }
    if (bytes.length < HEADER_BYTES + TAG_BYTES) {
      throw ByteReader.malformed("too short");
    }
    if ((bytes[0] & MAGIC_MASK) != MAGIC) {
      throw ByteReader.malformed("not a cursor");
    }
    int version = bytes[0] & ~MAGIC_MASK & 0xff;
    if (version != FORMAT_VERSION) {
      throw new CursorException(
          Kind.UNSUPPORTED_VERSION,
          "the cursor has format version "
              + version
              + "; this server reads version "
              + FORMAT_VERSION
              + "; start the search again without a cursor");
    }
    int signedLength = bytes.length - TAG_BYTES;
    byte[] expected = tag(bytes, signedLength);
    byte[] actual = Arrays.copyOfRange(bytes, signedLength, bytes.length);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new CursorException(
          Kind.TAMPERED,
          "the cursor's signature does not verify: it was "
              + "altered, or issued by a server with another key; pass back the cursor of the "
              + "previous page unchanged, or start again without one");
    }
    int flags = bytes[1] & 0xff;
    if ((flags & ~FLAG_DEFLATED) != 0) {
      throw ByteReader.malformed("unknown flags");
    }
    byte[] body = Arrays.copyOfRange(bytes, HEADER_BYTES, signedLength);
    return (flags & FLAG_DEFLATED) != 0 ? inflate(body) : body;
  }

  private byte[] tag(byte[] data, int length) {
    try {
      Mac mac = Mac.getInstance(MAC_ALGORITHM);
      mac.init(key);
      mac.update(data, 0, length);
      return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 16);
      byte[] chunk = new byte[1024];
      while (!deflater.finished()) {
        out.write(chunk, 0, deflater.deflate(chunk));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] inflate(byte[] data) {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 3);
      byte[] chunk = new byte[1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw ByteReader.malformed("truncated compressed body");
        }
        out.write(chunk, 0, n);
        if (out.size() > MAX_PAYLOAD_BYTES) {
          throw ByteReader.malformed("body too large");
        }
      }
      if (inflater.getRemaining() > 0) {
        throw ByteReader.malformed("trailing bytes after compressed body");
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw ByteReader.malformed("bad compressed body");
    } finally {
      inflater.end();
    }
  }
}
