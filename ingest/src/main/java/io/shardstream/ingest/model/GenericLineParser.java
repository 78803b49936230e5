package io.shardstream.ingest.model;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.EntityTopicNames;
import io.shardstream.ingest.file.LineParser;
import io.shardstream.ingest.file.ParsedLine;
import java.time.Instant;

/**
 * A line of the generic format ({@code {"entity", "op", "version", "item"}}, module README) as an
 * event for the entity's topic. Only the structure is checked here ({@link
 * GenericEventReader.Checks#STRUCTURE}): a value that breaks a format, enum or maxLength is the
 * writer's to dead-letter, with its reason.
 */
public final class GenericLineParser implements LineParser {
  private final GenericEventReader reader;
  private final EntityTopicNames topics;

  /**
   * @param importedAt every event's {@code occurredAt}
   * @param source every event's {@code source}
   */
  public GenericLineParser(
      EntityConfig model, EntityTopicNames topics, Instant importedAt, String source) {
    this.reader =
        new GenericEventReader(model, importedAt, source, GenericEventReader.Checks.STRUCTURE);
    this.topics = topics;
  }

  @Override
  public ParsedLine parse(String line) {
    if (line.isBlank()) {
      return ParsedLine.BLANK;
    }
    return switch (reader.read(line)) {
      case GenericEventReader.Result.Event event ->
          new ParsedLine.Event(
              new ChangeRecord.EntityEvent(
                  event.change().entity(),
                  topics.of(event.change().entity()),
                  event.change().key(),
                  event.change().event()));
      case GenericEventReader.Result.Invalid invalid -> new ParsedLine.Invalid(invalid.reason());
    };
  }
}
