package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KeysCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String stdin, String... args) {
    InputStream saved = System.in;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      CommandLine cli = ShardstreamCommand.newCommandLine();
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(err));
      String[] full = new String[args.length + 1];
      full[0] = "keys";
      System.arraycopy(args, 0, full, 1, args.length);
      int code = cli.execute(full);
      return new Run(code, out.toString(), err.toString());
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void writesEachItemWithItsKeys() throws Exception {
    Run run =
        run(
            """
            {"entity": "user", "item": {"userId": "u-1", "beneficiaryId": "b", "firstName": "Ada", "lastName": "Lovelace", "created": 1700000000000, "updated": 1700000000001}}
            {"entity": "email", "item": {"email": "ada@example.com", "userId": "u-1", "created": 1700000000000}}
            """);
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    String[] lines = run.out().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode user = JSON.readTree(lines[0]);
    assertThat(user.get("hashKey").asText()).isEqualTo("user!");
    assertThat(user.get("rangeKey").asText()).isEqualTo("userId#u-1");
    assertThat(user.get("firstNameRangeKey").asText())
        .isEqualTo("firstNameCanonical#ada,lastNameCanonical#lovelace,created#1700000000000");
    assertThat(user.get("created").isIntegralNumber()).isTrue();
    JsonNode email = JSON.readTree(lines[1]);
    assertThat(email.get("userHashKey").asText()).isEqualTo("email!,userId#u-1");
    assertThat(email.has("firstNameRangeKey")).isFalse();
  }

  @Test
  void reportsBadLinesWithTheirNumbersAndKeepsGoing() {
    Run run =
        run(
            """
            {"entity": "user", "item": {"userId": "u-1", "created": 1}}
            not json
            {"entity": "user", "item": {"created": 1}}

            {"entity": "nobody", "item": {}}
            {"entity": "user", "item": {"userId": "bad,id", "created": 1}}
            {"entity": "email", "item": {"email": "e@x.com", "created": 1}}
            """);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().split("\n")).hasSize(2);
    assertThat(run.err())
        .contains("line 2: not valid JSON")
        .contains("line 3: missing unique property 'userId'")
        .contains("line 5: unknown entity 'nobody'")
        .contains("line 6: property 'userId' value contains the generated key delimiter ','")
        .contains("4 of 6 lines failed")
        .doesNotContain("line 1:", "line 4:", "line 7:", "Exception", "\tat ");
  }

  @Test
  void usesTheConfigFileGivenAndReportsEveryConfigError(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        """
        {"hashKey": "pk", "rangeKey": "sk",
         "entities": {"thing": {"uniqueProperty": "id", "timestampProperty": "at"}},
         "propertyTranscodes": {"id": "int", "at": "timestamp"}}\
        """);
    Run ok =
        run(
            "{\"entity\": \"thing\", \"item\": {\"id\": -3, \"at\": 5}}\n",
            "--config",
            config.toString());
    assertThat(ok.exitCode()).isZero();
    assertThat(JSON.readTree(ok.out()).get("sk").asText()).isEqualTo("id#n9999999999999997");

    Files.writeString(config, "{\"hashKey\": \"pk\", \"entities\": {\"t\": {}}}");
    Run bad = run("", "--config", config.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .contains("$.rangeKey: 'rangeKey' is required")
        .contains("$.entities.t.uniqueProperty")
        .contains("$.entities.t.timestampProperty")
        .doesNotContain("\tat ");

    Run missing = run("", "--config", dir.resolve("nope.json").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("configuration file not found");
  }
}
