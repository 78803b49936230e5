package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.shardstream.service.SettingsDoc;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The READMEs' query API settings tables are what {@link QueryApiSettings#SPEC} renders. */
class QueryApiSettingsDocTest {
  @Test
  void theReadmeTablesAreRenderedFromTheDeclarations() {
    assertSoftly(
        soft -> {
          String table = QueryApiSettings.SPEC.table();
          soft.assertThat(SettingsDoc.differs(Path.of("README.md"), "query-api", table)).isEmpty();
          soft.assertThat(SettingsDoc.differs(Path.of("..", "README.md"), "query-api", table))
              .isEmpty();
        });
  }

  @Test
  void everyKeyHasADoc() {
    assertThat(QueryApiSettings.SPEC.settings()).allSatisfy(s -> assertThat(s.doc()).isNotBlank());
  }
}
