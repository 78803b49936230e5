package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.schemas.ExampleConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the replay refuses before it touches Kafka or DynamoDB: exit 2 and one line saying why. */
class ReplayCommandTest {

  @Test
  void aReplayIntoTheLiveTableIsRefused(@TempDir Path dir) throws Exception {
    CommandRun run =
        CommandRun.of(
            "replay",
            "--settings",
            settings(dir, "dynamodb.table=live\n").toString(),
            "--config",
            config(dir).toString(),
            "--table",
            "live");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(UserErrorHandler.USER_ERROR);
    assertThat(run.err())
        .contains("--table live is the live writer's table (dynamodb.table)")
        .doesNotContain("\tat ");
  }

  @Test
  void withoutAControlTableOnlyABuildAndVerifyIsPossible(@TempDir Path dir) throws Exception {
    Path settings = settings(dir, "dynamodb.table=live\ncontrol.table=none\n");
    CommandRun replay =
        CommandRun.of(
            "replay",
            "--settings",
            settings.toString(),
            "--config",
            config(dir).toString(),
            "--table",
            "next");
    assertThat(replay.exitCode()).as(replay.err()).isEqualTo(UserErrorHandler.USER_ERROR);
    assertThat(replay.err()).contains("control.table=none", "--no-cutover");
    CommandRun status = CommandRun.of("replay", "status", "--settings", settings.toString());
    assertThat(status.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
    assertThat(status.err()).contains("control.table=none").doesNotContain("\tat ");
  }

  private static Path settings(Path dir, String text) throws Exception {
    Path file = dir.resolve("writer.properties");
    Files.writeString(file, text);
    return file;
  }

  private static Path config(Path dir) throws Exception {
    Path file = dir.resolve("next.json");
    Files.writeString(file, ExampleConfigs.userEmail());
    return file;
  }
}
