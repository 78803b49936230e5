package io.shardstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryDistributionTest {

  @TempDir Path registryDirectory;

  @Test
  void theBuildRecordedWhereMavenPutTheArchive() {
    RegistryDistribution distribution = RegistryDistribution.fromBuild();

    assertThat(distribution.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(distribution.locateArchive())
        .isRegularFile()
        .hasFileName("apicurio-registry-app-" + distribution.version() + "-all.tar.gz");
  }

  @Test
  void unpacksOnceAndReusesTheUnpackedFolder() throws Exception {
    Path archive = TarGzExtractorTest.fixture("pax-long-names.tar.gz");
    RegistryDistribution distribution = new RegistryDistribution("9.9.9", List.of(archive));

    Path launcher = distribution.launcherJar(registryDirectory);
    assertThat(launcher)
        .isEqualTo(registryDirectory.resolve("apicurio-registry-app-9.9.9/quarkus-run.jar"));
    Files.writeString(launcher, "marker");

    assertThat(distribution.launcherJar(registryDirectory)).hasContent("marker");
    try (var leftovers = Files.list(registryDirectory)) {
      assertThat(leftovers)
          .containsExactly(registryDirectory.resolve("apicurio-registry-app-9.9.9"));
    }
  }

  @Test
  void aMissingArchiveNamesWhereItWasLookedForAndHowToGetIt() {
    Path nowhere = registryDirectory.resolve("missing.tar.gz");
    RegistryDistribution distribution = new RegistryDistribution("9.9.9", List.of(nowhere));

    assertThatThrownBy(() -> distribution.launcherJar(registryDirectory))
        .isInstanceOf(DevStackException.class)
        .hasMessageContaining("Apicurio Registry 9.9.9 distribution not found")
        .hasMessageContaining(nowhere.toString())
        .hasMessageContaining("-D" + RegistryDistribution.ARCHIVE_PROPERTY);
  }
}
