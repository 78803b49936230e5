package io.shardstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.ingest.stream.StreamSourceSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's ingest settings tables are what the ingest declarations render. */
class IngestSettingsDocTest {
  @Test
  void everyKeyHasADocAndTheReadmeTablesAreRenderedFromTheDeclarations() {
    Path readme = Path.of("..", "README.md");
    assertThat(IngestSettings.SPEC.docProblems("ingest", readme)).isEmpty();
    assertThat(StreamSourceSettings.SPEC.docProblems("ddb-stream", readme)).isEmpty();
  }
}
