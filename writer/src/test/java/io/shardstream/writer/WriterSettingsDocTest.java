package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.shardstream.service.SettingsDoc;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The READMEs' writer settings tables are what {@link WriterSettings#SPEC} renders. */
class WriterSettingsDocTest {
  @Test
  void theReadmeTablesAreRenderedFromTheDeclarations() {
    assertSoftly(
        soft -> {
          String table = WriterSettings.SPEC.table();
          soft.assertThat(SettingsDoc.differs(Path.of("README.md"), "writer", table)).isEmpty();
          soft.assertThat(SettingsDoc.differs(Path.of("..", "README.md"), "writer", table))
              .isEmpty();
        });
  }

  @Test
  void everyKeyHasADoc() {
    assertThat(WriterSettings.SPEC.settings()).allSatisfy(s -> assertThat(s.doc()).isNotBlank());
  }
}
