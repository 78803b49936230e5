package io.shardstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarGzExtractorTest {

  private static final String LONG_NAME =
      "lib/main/a-rather-long-folder-name-that-pushes-the-path-beyond-the-ustar-limit/"
          + "io.example.some-library-with-a-long-artifact-name-1.2.3.jar";

  @TempDir Path target;

  /**
   * The fixtures were written by Python's tarfile in each format, the long name exceeding 100
   * bytes.
   */
  @ParameterizedTest
  @ValueSource(strings = {"pax-long-names.tar.gz", "gnu-long-names.tar.gz", "ustar-prefix.tar.gz"})
  void unpacksFilesWithLongNamesInEveryCommonTarDialect(String fixture) throws Exception {
    TarGzExtractor.extract(fixture(fixture), target);

    assertThat(target.resolve("quarkus-run.jar")).hasContent("not really a jar");
    assertThat(Files.readAllBytes(target.resolve(LONG_NAME)))
        .hasSize(1300)
        .containsOnly((byte) 'x');
    assertThat(target.resolve("empty.txt")).isEmptyFile();
  }

  @Test
  void refusesEntriesThatWouldLandOutsideTheTarget() throws Exception {
    Path inner = Files.createDirectories(target.resolve("inner"));

    assertThatThrownBy(() -> TarGzExtractor.extract(fixture("escaping-entry.tar.gz"), inner))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("escapes the target folder: ../outside.txt");
    assertThat(target.resolve("outside.txt")).doesNotExist();
  }

  @Test
  void refusesLinksRatherThanUnpackingAnIncompleteTree() throws Exception {
    assertThatThrownBy(() -> TarGzExtractor.extract(fixture("symlink.tar.gz"), target))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("unsupported tar entry type '2' for link.txt");
  }

  static Path fixture(String name) throws URISyntaxException {
    return Path.of(TarGzExtractorTest.class.getResource("/tar/" + name).toURI());
  }
}
