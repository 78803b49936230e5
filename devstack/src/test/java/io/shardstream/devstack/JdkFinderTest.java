package io.shardstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkFinderTest {

  @TempDir Path installs;

  @Test
  void anEmptySearchPathFailsWithAMessageSayingWhatWasNeededAndWhere() {
    JdkFinder finder = new JdkFinder(21, List.of(), "an empty search path");

    assertThatThrownBy(finder::findJavaExecutable)
        .isInstanceOf(JdkNotFoundException.class)
        .hasMessageContaining("Apicurio Registry runs as a child process on Java 21 or newer")
        .hasMessageContaining("Looked at: nothing (empty search path)")
        .hasMessageContaining("Searched: an empty search path")
        .hasMessageContaining("JAVA_HOME")
        .satisfies(
            e -> assertThat(((JdkNotFoundException) e).component()).contains(Component.REGISTRY));
  }

  @Test
  void skipsHomesThatAreTooOldOrIncompleteAndNamesThemWhenNothingFits() throws IOException {
    Path java17 = fakeHome("jdk-17", "17.0.12", true);
    Path noLauncher = fakeHome("jdk-25-no-bin", "25", false);

    JdkFinder finder = new JdkFinder(21, List.of(java17, noLauncher), "test homes");

    assertThatThrownBy(finder::findJavaExecutable)
        .isInstanceOf(JdkNotFoundException.class)
        .hasMessageContaining(java17 + " (Java 17)")
        .hasMessageContaining(noLauncher + " (no bin/java)");
  }

  @Test
  void picksTheFirstHomeThatIsNewEnough() throws IOException {
    Path java17 = fakeHome("jdk-17", "17.0.12", true);
    Path java21 = fakeHome("jdk-21", "21.0.5", true);
    Path java25 = fakeHome("jdk-25", "25", true);

    Path java =
        new JdkFinder(21, List.of(java17, java21, java25), "test homes").findJavaExecutable();

    assertThat(java).isEqualTo(java21.resolve("bin").resolve("java"));
  }

  @Test
  void findsThisMachinesJavaWhenItIsNewEnough() {
    // The build runs on Java 21+ (the enforcer rule), so its own java.home qualifies.
    Path java = JdkFinder.onThisMachine(21).findJavaExecutable();

    assertThat(java).isExecutable();
  }

  @Test
  void readsTheFeatureVersionOfOldAndNewVersionStrings() {
    assertThat(JdkFinder.parseFeature("25.0.1")).hasValue(25);
    assertThat(JdkFinder.parseFeature("21")).hasValue(21);
    assertThat(JdkFinder.parseFeature("17-ea")).hasValue(17);
    assertThat(JdkFinder.parseFeature("1.8.0_412")).hasValue(8);
    assertThat(JdkFinder.parseFeature("")).isEmpty();
  }

  private Path fakeHome(String name, String version, boolean withLauncher) throws IOException {
    Path home = Files.createDirectories(installs.resolve(name));
    Files.writeString(
        home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
    if (withLauncher) {
      Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
      Files.writeString(java, "#!/bin/sh\n");
      assertThat(java.toFile().setExecutable(true)).isTrue();
    }
    return home;
  }
}
