package io.shardstream.ingest.file;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a crashed or stopped import resumes: every line before {@code nextLine} is in Kafka
 * (acknowledged) or was reported bad. Written as a small properties file, replaced atomically so
 * that a crash mid-write leaves the previous checkpoint.
 *
 * @param file the imported file, as given, for a sanity check on resume
 */
public record ImportCheckpoint(String file, long nextLine) {
  private static final String FILE = "file";
  private static final String NEXT_LINE = "nextLine";

  public ImportCheckpoint {
    if (nextLine < 1) {
      throw new IllegalArgumentException("nextLine must be >= 1: " + nextLine);
    }
  }

  /** The checkpoint in {@code checkpointFile}; empty when there is none yet. */
  public static Optional<ImportCheckpoint> read(Path checkpointFile) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(checkpointFile, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read checkpoint " + checkpointFile + ": " + e.getMessage(), e);
    }
    String next = properties.getProperty(NEXT_LINE);
    try {
      return Optional.of(
          new ImportCheckpoint(
              properties.getProperty(FILE, ""), Long.parseLong(next == null ? "" : next.trim())));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "checkpoint " + checkpointFile + " holds no valid " + NEXT_LINE + ": " + next, e);
    }
  }

  public void write(Path checkpointFile) {
    Properties properties = new Properties();
    properties.setProperty(FILE, file);
    properties.setProperty(NEXT_LINE, Long.toString(nextLine));
    Path directory = checkpointFile.toAbsolutePath().getParent();
    try {
      Files.createDirectories(directory);
      Path temporary =
          Files.createTempFile(directory, checkpointFile.getFileName().toString(), ".tmp");
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        properties.store(
            out,
            "shardstream ingest file: every line before nextLine is in Kafka or was reported bad");
      }
      try {
        Files.move(
            temporary,
            checkpointFile,
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, checkpointFile, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write checkpoint " + checkpointFile + ": " + e.getMessage(), e);
    }
  }
}
