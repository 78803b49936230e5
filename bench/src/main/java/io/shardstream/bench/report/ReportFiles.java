package io.shardstream.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Where a benchmark's {@code --report FILE} goes: JSON for a {@code .json} name, Markdown else. */
public final class ReportFiles {
  private ReportFiles() {}

  /** A rendering of the report. */
  @FunctionalInterface
  public interface Rendering {
    String render() throws IOException;
  }

  /** Writes {@code json} or {@code markdown}, by the file's name, creating its folder. */
  public static void write(Path file, Rendering json, Rendering markdown) {
    boolean asJson = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, asJson ? json.render() : markdown.render(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + file, e);
    }
  }
}
