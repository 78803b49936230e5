package io.shardstream.bench.jmh;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.bench.BenchException;
import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.Runner;

class ForkClasspathTest {
  private static final String JMH_JAR =
      Path.of(Runner.class.getProtectionDomain().getCodeSource().getLocation().getPath())
          .toString();

  @Test
  void passesWhenTheClassOriginIsOnTheClassPath() {
    assertThatCode(
            () ->
                ForkClasspath.requireVisible(
                    "elsewhere.jar" + File.pathSeparator + JMH_JAR, Runner.class))
        .doesNotThrowAnyException();
  }

  @Test
  void explainsHowToLaunchWhenItIsNot() {
    assertThatThrownBy(() -> ForkClasspath.requireVisible("surefirebooter.jar", Runner.class))
        .isInstanceOf(BenchException.class)
        .hasMessageContaining("classpath.txt")
        .hasMessageContaining("--forks 0");
  }
}
