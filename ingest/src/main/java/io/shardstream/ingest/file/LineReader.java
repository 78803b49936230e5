package io.shardstream.ingest.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n}, with an optional {@code \r} before it) and decodes
 * each as strict UTF-8 on its own. A Reader would either replace bad bytes silently or fail the
 * whole file; here a line with bad bytes becomes one bad line. Lines longer than a limit are
 * skipped to their end rather than buffered, so a binary file cannot exhaust memory.
 */
final class LineReader implements AutoCloseable {
  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[64 * 1024];
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private int position;
  private int limit;
  private long bytesRead;
  private long lineNumber;
  private byte[] line = new byte[1024];

  /** One line: its text, or why it has none. */
  record Line(long number, String text, String problem) {}

  LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Bytes consumed so far, line breaks included: for progress. */
  long bytesRead() {
    return bytesRead;
  }

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
    int length = 0;
    boolean tooLong = false;
    boolean sawAny = false;
    while (true) {
      if (position == limit && !fill()) {
        if (!sawAny) {
          return null;
        }
        break; // last line without a line break
      }
      sawAny = true;
      byte b = buffer[position++];
      bytesRead++;
      if (b == '\n') {
        break;
      }
      if (length == maxLineBytes) {
        tooLong = true;
        continue;
      }
      if (length == line.length) {
        line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
      }
      line[length++] = b;
    }
    lineNumber++;
    if (tooLong) {
      return new Line(lineNumber, null, "longer than " + maxLineBytes + " bytes");
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return decode(length);
  }

  private Line decode(int length) {
    int start = 0;
    // A byte order mark some editors put at the start of a UTF-8 file.
    if (lineNumber == 1
        && length >= 3
        && (line[0] & 0xFF) == 0xEF
        && (line[1] & 0xFF) == 0xBB
        && (line[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    try {
      return new Line(
          lineNumber, utf8.decode(ByteBuffer.wrap(line, start, length - start)).toString(), null);
    } catch (CharacterCodingException e) {
      return new Line(lineNumber, null, "not valid UTF-8");
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
