package io.shardstream.ingest.file;

/**
 * Reads one line of an import format: the User/Email format ({@link EventLineParser}) or the
 * generic format of a model ({@code io.shardstream.ingest.model.GenericLineParser}).
 */
public interface LineParser {
  ParsedLine parse(String line);
}
