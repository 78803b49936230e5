package io.shardstream.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.InMemoryEventSink;
import io.shardstream.ingest.ProgressDisplay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileImporterTest {
  private static final Instant IMPORTED_AT = Instant.parse("2026-11-20T12:00:00Z");
  private static final ImportOptions OPTIONS = ImportOptions.defaults().withImportedAt(IMPORTED_AT);

  @TempDir Path directory;

  @Test
  void reportsBadLinesByNumberAndProducesTheRest() throws IOException {
    Path file =
        write(
            emailDelete(1), // 1
            "{\"type\":\"email\",\"op\":\"DELETE\"}", // 2: no version, no key
            "", // 3: blank
            emailDelete(4), // 4
            "not json at all", // 5
            emailDelete(6)); // 6
    List<BadLine> printed = new ArrayList<>();
    InMemoryEventSink sink = new InMemoryEventSink();

    ImportReport report =
        FileImporter.run(file, OPTIONS.withOnBadLine(printed::add), sink, ProgressDisplay.none());

    assertThat(report.badLines()).extracting(BadLine::lineNumber).containsExactly(2L, 5L);
    assertThat(report.badLines().getFirst().reason())
        .isEqualTo("missing \"version\"; missing \"emailKey\"");
    assertThat(printed).isEqualTo(report.badLines());
    assertThat(sink.records()).isEqualTo(parse(emailDelete(1), emailDelete(4), emailDelete(6)));
    assertThat(report)
        .satisfies(
            r -> {
              assertThat(r.eventsSent()).isEqualTo(3);
              assertThat(r.eventsAcknowledged()).isEqualTo(3);
              assertThat(r.blankLines()).isEqualTo(1);
              assertThat(r.badLineCount()).isEqualTo(2);
              assertThat(r.lastLine()).isEqualTo(6);
              assertThat(r.acknowledgedThroughLine()).isEqualTo(6);
              assertThat(r.succeeded()).isFalse();
              assertThat(r.exitCode()).as("bad lines make the exit code non-zero").isEqualTo(1);
              assertThat(r.summary())
                  .contains("3 events acknowledged of 3 sent", "2 bad lines, 1 blank lines");
            });
  }

  @Test
  void aCleanFileSucceeds() throws IOException {
    Path file = write(emailDelete(1), emailDelete(2));

    ImportReport report =
        FileImporter.run(file, OPTIONS, new InMemoryEventSink(), ProgressDisplay.none());

    assertThat(report.succeeded()).isTrue();
    assertThat(report.exitCode()).isZero();
  }

  @Test
  void resumingFromALineSkipsExactlyTheEarlierLines() throws IOException {
    List<String> lines =
        IntStream.rangeClosed(1, 10).mapToObj(n -> n == 3 ? "broken" : emailDelete(n)).toList();
    Path file = write(lines.toArray(String[]::new));
    InMemoryEventSink sink = new InMemoryEventSink();

    ImportReport report =
        FileImporter.run(file, OPTIONS.withFromLine(4), sink, ProgressDisplay.none());

    assertThat(sink.records()).isEqualTo(parse(lines.subList(3, 10).toArray(String[]::new)));
    assertThat(report.badLineCount()).as("line 3 is before the resume point").isZero();
    assertThat(report.firstLine()).isEqualTo(4);
    assertThat(report.lastLine()).isEqualTo(10);
    assertThat(report.succeeded()).isTrue();
  }

  @Test
  void resumingPastTheEndImportsNothing() throws IOException {
    Path file = write(emailDelete(1));

    ImportReport report =
        FileImporter.run(
            file, OPTIONS.withFromLine(5), new InMemoryEventSink(), ProgressDisplay.none());

    assertThat(report.eventsSent()).isZero();
    assertThat(report.succeeded()).isTrue();
    assertThat(report.nextLine()).isEqualTo(5);
  }

  @Test
  void theCheckpointNamesTheLineToResumeFrom() throws IOException {
    Path file =
        write(
            IntStream.rangeClosed(1, 5)
                .mapToObj(FileImporterTest::emailDelete)
                .toArray(String[]::new));
    Path checkpoint = directory.resolve("state/import.checkpoint");

    FileImporter.run(
        file,
        OPTIONS.withCheckpoint(checkpoint),
        new ManualAckSink(record -> false),
        ProgressDisplay.none());

    assertThat(ImportCheckpoint.read(checkpoint))
        .contains(new ImportCheckpoint(file.toString(), 6));
    assertThat(ImportCheckpoint.read(directory.resolve("none"))).isEmpty();
  }

  /**
   * Line 4 is never acknowledged: the import stops, and both the report and the checkpoint point at
   * line 4, though later lines were acknowledged (Kafka acknowledges per partition). Resuming from
   * there delivers everything from line 4 on.
   */
  @Test
  void aDeliveryFailureStopsTheImportAndHoldsTheCheckpointBeforeIt() throws IOException {
    List<String> lines =
        IntStream.rangeClosed(1, 8).mapToObj(FileImporterTest::emailDelete).toList();
    Path file = write(lines.toArray(String[]::new));
    Path checkpoint = directory.resolve("import.checkpoint");
    ChangeRecord lineFour = parse(lines.get(3)).getFirst();
    ManualAckSink failingSink = new ManualAckSink(lineFour::equals);

    ImportReport failed =
        FileImporter.run(
            file, OPTIONS.withCheckpoint(checkpoint), failingSink, ProgressDisplay.none());

    assertThat(failed.failureMessage())
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .startsWith("line 4 was not delivered")
                    .contains("broker said no"));
    assertThat(failed.reachedEnd()).isFalse();
    assertThat(failed.exitCode()).isEqualTo(2);
    assertThat(failed.nextLine()).isEqualTo(4);
    assertThat(failed.summary()).contains("resume with --from-line 4");
    assertThat(ImportCheckpoint.read(checkpoint).orElseThrow().nextLine()).isEqualTo(4);

    InMemoryEventSink resumed = new InMemoryEventSink();
    long from = ImportCheckpoint.read(checkpoint).orElseThrow().nextLine();
    ImportReport rest =
        FileImporter.run(
            file,
            OPTIONS.withFromLine(from).withCheckpoint(checkpoint),
            resumed,
            ProgressDisplay.none());

    assertThat(resumed.records()).isEqualTo(parse(lines.subList(3, 8).toArray(String[]::new)));
    assertThat(rest.succeeded()).isTrue();
    assertThat(ImportCheckpoint.read(checkpoint).orElseThrow().nextLine()).isEqualTo(9);
  }

  @Test
  void anInterruptedImportStopsAndKeepsItsCheckpoint() throws IOException {
    Path file = write(emailDelete(1), emailDelete(2));
    Path checkpoint = directory.resolve("import.checkpoint");
    ImportReport report;

    Thread.currentThread().interrupt(); // as a Ctrl-C shutdown hook would
    try {
      report =
          FileImporter.run(
              file,
              OPTIONS.withCheckpoint(checkpoint),
              new InMemoryEventSink(),
              ProgressDisplay.none());
    } finally {
      assertThat(Thread.interrupted()).as("the interrupt is left for the caller").isTrue();
    }

    assertThat(report.failureMessage()).contains("interrupted");
    assertThat(report.exitCode()).isEqualTo(2);
    assertThat(ImportCheckpoint.read(checkpoint).orElseThrow().nextLine())
        .isEqualTo(report.nextLine());
  }

  @Test
  void linesThatAreNotUtf8OrTooLongAreBadLines() throws IOException {
    Path file = directory.resolve("mixed.jsonl");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(("\uFEFF" + emailDelete(1) + "\r\n").getBytes(StandardCharsets.UTF_8)); // BOM, CRLF
    bytes.write(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'}); // broken UTF-8
    bytes.write(("{\"type\":\"" + "x".repeat(300) + "\"}\n").getBytes(StandardCharsets.UTF_8));
    bytes.write(emailDelete(4).getBytes(StandardCharsets.UTF_8)); // no final line break
    Files.write(file, bytes.toByteArray());
    InMemoryEventSink sink = new InMemoryEventSink();

    ImportReport report =
        FileImporter.run(file, OPTIONS.withMaxLineBytes(200), sink, ProgressDisplay.none());

    assertThat(report.badLines())
        .containsExactly(
            new BadLine(2, "not valid UTF-8"), new BadLine(3, "longer than 200 bytes"));
    assertThat(sink.records()).isEqualTo(parse(emailDelete(1), emailDelete(4)));
  }

  @Test
  void keepsTheFirstBadLinesButCountsAll() throws IOException {
    Path file = write("x", "y", "z");

    ImportReport report =
        FileImporter.run(
            file, OPTIONS.withMaxBadLinesKept(2), new InMemoryEventSink(), ProgressDisplay.none());

    assertThat(report.badLineCount()).isEqualTo(3);
    assertThat(report.badLines()).extracting(BadLine::lineNumber).containsExactly(1L, 2L);
  }

  @Test
  void showsProgressOnTheGivenStream() throws IOException {
    Path file =
        write(
            IntStream.rangeClosed(1, 3000)
                .mapToObj(FileImporterTest::emailDelete)
                .toArray(String[]::new));
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    try (PrintStream out = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      FileImporter.run(file, OPTIONS, new InMemoryEventSink(), ProgressDisplay.bar(out));
    }

    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("import events.jsonl", "100%", "3000 events");
  }

  static String emailDelete(int n) {
    return "{\"type\":\"email\",\"op\":\"DELETE\",\"version\":"
        + n
        + ",\"emailKey\":{\"email\":\"user"
        + n
        + "@example.com\"}}";
  }

  private static List<ChangeRecord> parse(String... lines) {
    EventLineParser parser = new EventLineParser(IMPORTED_AT, "file");
    List<ChangeRecord> records = new ArrayList<>();
    for (String line : lines) {
      records.add(((ParsedLine.Event) parser.parse(line)).record());
    }
    return records;
  }

  private Path write(String... lines) throws IOException {
    Path file = directory.resolve("events.jsonl");
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file;
  }
}
