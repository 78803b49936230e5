package io.shardstream.ingest.file;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.EventSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Writes change records as JSON lines in the import format, so that a generated file can be
 * inspected, edited and imported later. Undecodable bytes are not {@link #accepts accepted}: the
 * format holds events only.
 */
public final class JsonLinesEventSink implements EventSink {
  private final Writer out;
  private final boolean ownsOut;
  private final EventLineWriter lines = new EventLineWriter();

  private JsonLinesEventSink(Writer out, boolean ownsOut) {
    this.out = out;
    this.ownsOut = ownsOut;
  }

  /** Creates or truncates {@code file}. */
  public static JsonLinesEventSink toFile(Path file) {
    try {
      return new JsonLinesEventSink(Files.newBufferedWriter(file, StandardCharsets.UTF_8), true);
    } catch (NoSuchFileException e) {
      // The JDK's message is the path alone: say what is missing.
      throw new UncheckedIOException(
          "cannot write "
              + file
              + ": its folder "
              + file.toAbsolutePath().getParent()
              + " does not exist",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes to a stream the caller owns, e.g. stdout; {@link #close()} flushes it but leaves it
   * open.
   */
  public static JsonLinesEventSink to(OutputStream out) {
    return new JsonLinesEventSink(
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), false);
  }

  @Override
  public boolean accepts(ChangeRecord record) {
    return !(record instanceof ChangeRecord.Undecodable);
  }

  @Override
  public CompletableFuture<Void> send(ChangeRecord record) {
    return send(record, null);
  }

  /** Writes the record with the note (null for none) as its {@code comment} field. */
  @Override
  public synchronized CompletableFuture<Void> send(ChangeRecord record, String comment) {
    try {
      out.write(lines.write(record, comment));
      out.write('\n');
      return CompletableFuture.completedFuture(null);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new UncheckedIOException(e));
    }
  }

  @Override
  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (ownsOut) {
        out.close();
      } else {
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
