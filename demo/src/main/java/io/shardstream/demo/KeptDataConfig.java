package io.shardstream.demo;

import io.shardstream.app.UserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The entity configuration the demo's kept data was written under, stored beside that data. Keys
 * are generated from the configuration, so a kept table written under another one (say, before the
 * shipped key delimiter changed) would mix two key formats: the demo refuses to resume it rather
 * than serve a table whose names no longer sort or match.
 */
final class KeptDataConfig {
  static final String FILE_NAME = "entity-config.json";

  private final Path dataDirectory;
  private final String configJson;

  KeptDataConfig(Path dataDirectory, String configJson) {
    this.dataDirectory = dataDirectory;
    this.configJson = configJson;
  }

  /** Refuses to resume data written under another configuration; nothing kept is fine. */
  void checkResumable() {
    if (!holdsData()) {
      return;
    }
    String kept = read();
    if (!configJson.equals(kept)) {
      throw new UserException(
          "the data kept in "
              + dataDirectory
              + (kept == null
                  ? " was written by an older demo, before its entity configuration was recorded"
                  : " was written under another entity configuration")
              + ", so its table keys would not match this one's. Run `./shardstream demo --fresh`"
              + " to start over (a real table moves to a new configuration with"
              + " `shardstream replay`).");
    }
  }

  /** Records the configuration the data from now on is written under. */
  void record() {
    try {
      Files.createDirectories(dataDirectory);
      Files.writeString(dataDirectory.resolve(FILE_NAME), configJson, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dataDirectory.resolve(FILE_NAME), e);
    }
  }

  private boolean holdsData() {
    if (!Files.isDirectory(dataDirectory)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dataDirectory)) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dataDirectory, e);
    }
  }

  private String read() {
    Path file = dataDirectory.resolve(FILE_NAME);
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
