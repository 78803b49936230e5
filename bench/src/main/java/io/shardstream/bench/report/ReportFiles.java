package io.shardstream.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a benchmark's {@code --report FILE} goes: JSON for a {@code .json} name, Markdown else; and
 * its {@code --chart} file.
 */
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
    String text;
    try {
      text = asJson ? json.render() : markdown.render();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the report for " + file, e);
    }
    writeText(file, text);
  }

  /** Writes {@code text} as UTF-8 to {@code file}, creating its folder. */
  public static void writeText(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
