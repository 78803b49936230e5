package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the repository's {@code ./shardstream} launcher as a user would, as a child process. */
class LauncherIT {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  private record Result(int exitCode, String out, String err) {}

  private static Result launch(String stdin, Path workDir, String... args) throws Exception {
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
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void keysOnGoodAndBadInput(@TempDir Path dir) throws Exception {
    Result result =
        launch(
            """
            {"entity": "user", "item": {"userId": "u-1", "firstName": "Zoë", "lastName": "Ng", "created": 1735700000000}}
            {"entity": "user", "item": {"firstName": "nobody"}}
            {"entity": "email", "item": {"email": "z@example.com", "userId": "u-1", "created": 1735700000000}}
            """,
            dir,
            "keys");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out().lines().toList())
        .hasSize(2)
        .first()
        .asString()
        .contains("\"rangeKey\":\"userId#u-1\"")
        .contains(
            "\"firstNameRangeKey\":\"firstNameCanonical#zoe,lastNameCanonical#ng,created#1735700000000\"");
    assertThat(result.err())
        .contains("line 2: missing unique property 'userId'")
        .contains("1 of 3 lines failed")
        .doesNotContain("Exception");
  }

  @Test
  void helpListsEveryCommandDemoAndBenchIncluded(@TempDir Path dir) throws Exception {
    Result result = launch("", dir, "help");
    assertThat(result.exitCode()).as(result.err()).isZero();
    for (String command :
        List.of(
            "keys",
            "table",
            "generate",
            "ingest",
            "query-api",
            "writer",
            "replay",
            "demo",
            "bench")) {
      assertThat(result.out()).containsPattern("(?m)^  " + command + " +\\S");
    }
  }
}
