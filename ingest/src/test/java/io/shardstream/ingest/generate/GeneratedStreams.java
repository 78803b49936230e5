package io.shardstream.ingest.generate;

import io.shardstream.ingest.file.JsonLinesEventSink;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** Generated streams as tests need them. */
final class GeneratedStreams {
  private GeneratedStreams() {}

  static List<GeneratedEvent> events(GeneratorOptions options) {
    return EventGenerator.stream(options).toList();
  }

  /**
   * The stream as a JSON lines file's bytes, written the way {@code shardstream generate} writes
   * it.
   */
  static byte[] jsonLines(GeneratorOptions options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonLinesEventSink sink = JsonLinesEventSink.to(out)) {
      EventGenerator.stream(options)
          .filter(e -> sink.accepts(e.record()))
          .forEach(e -> sink.send(e.record(), e.note()));
    }
    return out.toByteArray();
  }
}
