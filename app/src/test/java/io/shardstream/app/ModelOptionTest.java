package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --model} of generate and ingest: names the examples, one line for anything else. */
class ModelOptionTest {

  @Test
  void generatePersonWritesGenericLinesForEveryEntity(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("persons.jsonl");
    CommandRun run =
        CommandRun.of(
            "generate",
            "--model",
            "person",
            "--users",
            "12",
            "--out",
            out.toString(),
            "--no-progress");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String text = Files.readString(out);
    for (String entity : new String[] {"person", "address", "contactInfo"}) {
      assertThat(text).contains("{\"entity\":\"" + entity + "\",\"op\":\"UPSERT\",\"version\":1,");
    }
  }

  @Test
  void generateRefusesAModelItCannotMake() {
    CommandRun run = CommandRun.of("generate", "--model", "pets", "--out", "-");
    assertThat(run.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
    assertThat(run.err())
        .contains(
            "Invalid value for option '--model': 'pets' (generate knows user-email and person)")
        .doesNotContain("\tat ");
  }

  @Test
  void ingestNamesTheExamplesForAnUnknownModel(@TempDir Path dir) throws Exception {
    Path events = Files.writeString(dir.resolve("e.jsonl"), "\n");
    CommandRun run = CommandRun.of("ingest", "file", events.toString(), "--model", "pets");
    assertThat(run.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
    assertThat(run.err().lines().toList())
        .singleElement()
        .asString()
        .isEqualTo(
            "shardstream ingest file: no model named 'pets': name an example (person, user-email)"
                + " or an entity configuration file");
  }
}
