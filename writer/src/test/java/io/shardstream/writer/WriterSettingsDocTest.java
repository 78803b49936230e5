package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The READMEs' writer settings tables are what {@link WriterSettings#SPEC} renders. */
class WriterSettingsDocTest {
  @Test
  void everyKeyHasADocAndTheReadmeTablesAreRenderedFromTheDeclarations() {
    assertThat(
            WriterSettings.SPEC.docProblems(
                "writer", Path.of("README.md"), Path.of("..", "README.md")))
        .isEmpty();
  }
}
