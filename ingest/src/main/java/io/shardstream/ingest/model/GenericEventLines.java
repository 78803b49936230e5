package io.shardstream.ingest.model;

import io.shardstream.ingest.file.BadLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * A whole generic JSON-lines input: blank lines skipped, each other line read by a {@link
 * GenericEventReader}, bad lines reported as {@code line N: reason} and the rest handed on.
 */
public final class GenericEventLines {
  private GenericEventLines() {}

  /** How many lines were read as events and how many were bad. */
  public record Counts(long events, long bad) {}

  public static Counts read(
      BufferedReader in,
      GenericEventReader reader,
      Consumer<GenericChange> events,
      Consumer<BadLine> badLines)
      throws IOException {
    long number = 0;
    long good = 0;
    long bad = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      switch (reader.read(line)) {
        case GenericEventReader.Result.Event event -> {
          good++;
          events.accept(event.change());
        }
        case GenericEventReader.Result.Invalid invalid -> {
          bad++;
          badLines.accept(new BadLine(number, invalid.reason()));
        }
      }
    }
    return new Counts(good, bad);
  }
}
