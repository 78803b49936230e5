package io.shardstream.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The README tables of settings, rendered from the declarations. A README holds a table between
 * {@code <!-- settings:NAME -->} and {@code <!-- /settings:NAME -->}; a test per service compares
 * it with {@link #table} ({@link #differs}) so the README cannot drift from the code.
 */
public final class SettingsDoc {
  private SettingsDoc() {}

  /** A markdown table: key, environment variable, default, meaning; one row per setting. */
  public static String table(List<Setting<?>> settings) {
    StringBuilder table = new StringBuilder();
    table.append("| key | environment variable | default | meaning |\n");
    table.append("|---|---|---|---|\n");
    for (Setting<?> setting : settings) {
      table
          .append("| `")
          .append(setting.key())
          .append("` | `")
          .append(setting.envName())
          .append("` | ")
          .append(cell(setting.defaultDoc()))
          .append(" | ")
          .append(cell(setting.doc()))
          .append(" |\n");
    }
    return table.toString();
  }

  /**
   * The text between the markers of section {@code name} in {@code markdown}; empty: no markers.
   */
  public static Optional<String> section(String markdown, String name) {
    String start = "<!-- settings:" + name + " -->\n";
    String end = "<!-- /settings:" + name + " -->";
    int from = markdown.indexOf(start);
    int to = markdown.indexOf(end);
    if (from < 0 || to < from) {
      return Optional.empty();
    }
    return Optional.of(markdown.substring(from + start.length(), to));
  }

  /**
   * Empty when section {@code name} of {@code readme} is {@code expected}; else what to do about
   * it, with the expected table to paste.
   */
  public static Optional<String> differs(Path readme, String name, String expected) {
    String markdown;
    try {
      markdown = Files.readString(readme);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Optional<String> actual = section(markdown, name);
    if (actual.isPresent() && actual.get().equals(expected)) {
      return Optional.empty();
    }
    return Optional.of(
        readme
            + (actual.isEmpty()
                ? " has no section <!-- settings:"
                    + name
                    + " --> ... <!-- /settings:"
                    + name
                    + " -->"
                : ": the table of section settings:" + name + " differs from the declarations")
            + "; paste this between the markers:\n"
            + expected);
  }

  /** A table cell: a '|' would end it early. */
  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
