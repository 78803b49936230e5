package io.shardstream.ingest.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardstream.ingest.fields.ChangeEventReader;
import java.time.Instant;

/**
 * Reads one line of the import format (see the module README) into a change event: the line's JSON
 * becomes a field map ({@link JsonFields}) and {@link ChangeEventReader} makes the event, with the
 * same rules as for every other source.
 */
public final class EventLineParser implements LineParser {
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final ChangeEventReader reader;

  /**
   * @param importedAt the {@code occurredAt} of DELETE lines that give none (an UPSERT's defaults
   *     to its own {@code updated} or {@code created})
   * @param defaultSource the {@code source} of lines that give none
   */
  public EventLineParser(Instant importedAt, String defaultSource) {
    this.reader = new ChangeEventReader(importedAt, defaultSource);
  }

  @Override
  public ParsedLine parse(String line) {
    if (line.isBlank()) {
      return ParsedLine.BLANK;
    }
    JsonNode root;
    try {
      root = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
      return new ParsedLine.Invalid("not valid JSON" + where + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      return new ParsedLine.Invalid(
          "a line must hold one JSON object, got "
              + (root == null ? "nothing" : JsonFields.value(root).describe()));
    }
    // A line without an eventId gets one derived from its text.
    return switch (reader.read(JsonFields.object(root), line.strip())) {
      case ChangeEventReader.Result.Event event -> new ParsedLine.Event(event.record());
      case ChangeEventReader.Result.Invalid invalid -> new ParsedLine.Invalid(invalid.reason());
    };
  }
}
