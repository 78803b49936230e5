package io.shardstream.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.InMemoryEventSink;
import io.shardstream.ingest.ProgressDisplay;
import io.shardstream.ingest.RateLimiter;
import io.shardstream.ingest.generate.EventGenerator;
import io.shardstream.ingest.generate.GenerateReport;
import io.shardstream.ingest.generate.GeneratedEvent;
import io.shardstream.ingest.generate.GeneratorOptions;
import io.shardstream.ingest.generate.GeneratorRun;
import io.shardstream.ingest.generate.InvalidKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `shardstream generate --out file` writes, `shardstream ingest file` reads back unchanged.
 */
class GeneratedFileImportTest {
  private static final GeneratorOptions OPTIONS =
      GeneratorOptions.defaults().withUsers(1500).withSeed(3).withInvalidRate(0.05);

  @TempDir Path directory;

  @Test
  void generatedLinesReimportWithoutBadLines() throws IOException {
    Path file = directory.resolve("generated.jsonl");
    GenerateReport written;
    try (JsonLinesEventSink sink = JsonLinesEventSink.toFile(file)) {
      written =
          GeneratorRun.run(
              new EventGenerator(OPTIONS), sink, RateLimiter.unlimited(), ProgressDisplay.none());
    }
    List<ChangeRecord> expected =
        EventGenerator.stream(OPTIONS)
            .map(GeneratedEvent::record)
            .filter(record -> !(record instanceof ChangeRecord.Undecodable))
            .toList();
    InMemoryEventSink imported = new InMemoryEventSink();

    ImportReport report =
        FileImporter.run(file, ImportOptions.defaults(), imported, ProgressDisplay.none());

    assertThat(report.badLines()).isEmpty();
    assertThat(report.succeeded()).isTrue();
    assertThat(imported.records()).hasSize(expected.size()).isEqualTo(expected);
    long undecodable =
        EventGenerator.stream(OPTIONS)
            .filter(e -> e.invalid().orElse(null) == InvalidKind.UNDECODABLE)
            .count();
    assertThat(written.skipped())
        .as("undecodable bytes have no line")
        .isEqualTo(undecodable)
        .isPositive();
    assertThat(written.sent()).isEqualTo(expected.size());
    assertThat(Files.readString(file))
        .contains("\"comment\":\"invalid: phone-with-letters\"", "\"comment\":\"duplicate\"");
  }
}
