package io.shardstream.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.devstack.testing.ProgressWait;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code ./shardstream demo} as a user would, as a child process: the launcher hands it to
 * this module, on this module's class path.
 */
class DemoLauncherIT {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  private record Result(int exitCode, String out, String err) {}

  private static Result launch(Path workDir, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("shardstream").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    // The build under test already produced the classes and classpath the launcher uses.
    builder.environment().put("SHARDSTREAM_NO_BUILD", "1");
    Path out = workDir.resolve("out.txt");
    Path err = workDir.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    process.getOutputStream().close();
    try {
      // On progress, not a deadline: a loaded machine starts the stack slowly, but its output
      // grows.
      ProgressWait.awaitProgress(
          "the launcher finished (" + out + ", " + err + ")",
          "its output and log",
          () ->
              List.of(
                  ProgressWait.processStartup(process, out).get(),
                  ProgressWait.processStartup(process, err).get()),
          () -> !process.isAlive());
    } finally {
      // A demo left behind by a failed wait would keep its stack (and registry child) running.
      if (process.isAlive()) {
        process.destroy();
        process.waitFor(60, TimeUnit.SECONDS);
      }
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void demoRunsTheWholeJobAndPrintsExampleRequests(@TempDir Path dir) throws Exception {
    Result result =
        launch(
            dir, DemoArgs.onFreePorts(dir.resolve("data"), "--exit-after-start", "--users", "60"));
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .containsPattern("Kafka bootstrap servers: localhost:\\d+")
        .containsPattern("DynamoDB Local endpoint: http://localhost:\\d+")
        .containsPattern("Schema registry: +http://localhost:\\d+")
        .containsPattern("Query API: http://localhost:\\d+")
        .containsPattern("Console: +http://localhost:\\d+/console/")
        .containsPattern("Writer accounted for (\\d+) of \\1 events")
        .contains("curl -s 'http://localhost:");
  }

  @Test
  void demoNamesThePortThatIsTaken(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Result result =
          launch(
              dir,
              "demo",
              "--exit-after-start",
              "--kafka-port",
              "0",
              "--dynamodb-port",
              Integer.toString(taken.getLocalPort()),
              "--registry-port",
              "0",
              "--data-dir",
              dir.resolve("data").toString());
      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err())
          .contains("port " + taken.getLocalPort())
          .contains("already in use")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void helpDemoShowsTheDemosOwnUsage(@TempDir Path dir) throws Exception {
    Result result = launch(dir, "help", "demo");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("Usage: shardstream demo ").contains("--fresh");
  }
}
