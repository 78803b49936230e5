package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The READMEs' query API settings tables are what {@link QueryApiSettings#SPEC} renders. */
class QueryApiSettingsDocTest {
  @Test
  void everyKeyHasADocAndTheReadmeTablesAreRenderedFromTheDeclarations() {
    assertThat(
            QueryApiSettings.SPEC.docProblems(
                "query-api", Path.of("README.md"), Path.of("..", "README.md")))
        .isEmpty();
  }
}
