package io.shardstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.shardstream.ingest.stream.StreamSourceSettings;
import io.shardstream.service.SettingsDoc;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's ingest settings tables are what the ingest declarations render. */
class IngestSettingsDocTest {
  private static final Path README = Path.of("..", "README.md");

  @Test
  void theReadmeTablesAreRenderedFromTheDeclarations() {
    assertSoftly(
        soft -> {
          soft.assertThat(SettingsDoc.differs(README, "ingest", IngestSettings.SPEC.table()))
              .isEmpty();
          soft.assertThat(
                  SettingsDoc.differs(README, "ddb-stream", StreamSourceSettings.SPEC.table()))
              .isEmpty();
        });
  }

  @Test
  void everyKeyHasADoc() {
    assertThat(IngestSettings.SPEC.settings()).allSatisfy(s -> assertThat(s.doc()).isNotBlank());
    assertThat(StreamSourceSettings.SPEC.settings())
        .allSatisfy(s -> assertThat(s.doc()).isNotBlank());
  }
}
