package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes a user makes on the command line: each is one line on stderr naming the problem and what
 * to do, exit code 2, and never a stack trace.
 */
class UserErrorsTest {
  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  /** Exit code 2 and one line, starting with the command, with no Java internals in it. */
  private static String userError(CommandRun run) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(UserErrorHandler.USER_ERROR);
    assertThat(run.err().lines().toList()).as(run.err()).hasSize(1);
    assertThat(run.err())
        .startsWith("shardstream ")
        .doesNotContain("\tat ", "Exception", "com.fasterxml", "java.", "unexpected error");
    return run.err();
  }

  @Test
  void anEndpointThatIsNotAUrlNamesTheOptionAndAnExample() {
    assertThat(userError(run("table", "describe", "--endpoint", "localhost:1")))
        .contains("'--endpoint'", "'localhost:1'", "http://localhost:8000");
  }

  @Test
  void anUnreachableEndpointSaysWhatToCheck() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + closed;
    assertThat(userError(run("table", "describe", "--endpoint", endpoint)))
        .contains(
            "cannot reach DynamoDB at " + endpoint,
            "Connection refused",
            "check --endpoint (SHARDSTREAM_DYNAMODB_ENDPOINT)");
  }

  @Test
  void anOutOfRangeOptionNamesTheOptionAndTheRange(@TempDir Path dir) {
    String out = dir.resolve("events.jsonl").toString();
    assertThat(userError(run("generate", "--update-rate", "2", "--out", out)))
        .contains("'--update-rate'", "between 0 and 1", "got 2.0", "shardstream generate --help");
    assertThat(userError(run("generate", "--users", "-1", "--out", out)))
        .contains("'--users'", "0 or more");
    assertThat(userError(run("generate", "--rate", "-5", "--out", out))).contains("'--rate'");
    assertThat(
            userError(
                run("generate", "--update-rate", "0.5", "--delete-rate", "0.5", "--out", out)))
        .contains("add up to 1.070", "at most 0.95");
    assertThat(userError(run("ingest", "file", out, "--rate", "fast")))
        .contains("'--rate'", "'fast' is not a number");
    assertThat(userError(run("generate", "--no-such-option"))).contains("--no-such-option");
    assertThat(dir.resolve("events.jsonl")).doesNotExist();
  }

  @Test
  void aDirectoryOrAMissingFileIsNamed(@TempDir Path dir) {
    assertThat(userError(run("keys", "--config", dir.toString())))
        .contains("entity configuration file " + dir + " is a directory");
    assertThat(userError(run("keys", "--config", dir.resolve("nope.json").toString())))
        .contains("entity configuration file not found: " + dir.resolve("nope.json"));
    assertThat(userError(run("ingest", "file", dir.toString())))
        .contains("events file " + dir + " is a directory");
    assertThat(userError(run("ingest", "file", dir.resolve("events.jsonl").toString())))
        .contains("events file not found: " + dir.resolve("events.jsonl"));
    assertThat(userError(run("generate", "--settings", dir.toString())))
        .contains("settings file " + dir + " is a directory");
    assertThat(userError(run("generate", "--out", dir.resolve("no/such/events.jsonl").toString())))
        .contains("its folder " + dir.resolve("no/such") + " does not exist");
    assertThat(userError(run("generate", "--settings", dir.resolve("s.yaml").toString())))
        .contains("settings file not found: " + dir.resolve("s.yaml"));
  }

  @Test
  void configAndSettingsSyntaxErrorsGiveLineColumnAndPathWithoutJacksonInternals(@TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"hashKey\": \"pk\",\n \"hashKey\": \"sk\"}");
    CommandRun duplicate = run("keys", "--config", config.toString());
    assertThat(duplicate.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
    assertThat(duplicate.err())
        .contains("$.hashKey: not valid JSON at line 2, column", "Duplicate field 'hashKey'")
        .doesNotContain("ObjectNode", "DeserializationFeature", "\tat ");

    Path yaml = dir.resolve("settings.yaml");
    Files.writeString(yaml, "kafka:\n  bootstrap.servers: [a\n  linger.ms: : 5\n");
    assertThat(userError(run("generate", "--settings", yaml.toString())))
        .contains("settings file " + yaml + " is not valid YAML at line 3, column")
        .doesNotContain("Source:", "reader");
  }
}
