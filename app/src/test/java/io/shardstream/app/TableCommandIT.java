package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code shardstream table create|describe} against real DynamoDB Local. */
@ExtendWith(DevStackExtension.class)
class TableCommandIT {
  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  @Test
  void createsIdempotentlyDescribesAndReportsAMismatch(DynamoDbEndpoint dynamo, @TempDir Path dir)
      throws Exception {
    String endpoint = dynamo.url().toString();
    CommandRun created = run("table", "create", "--table", "cli-users", "--endpoint", endpoint);
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("table cli-users at " + endpoint + ": created, 12 indexes");
    assertThat(run("table", "create", "--table", "cli-users", "--endpoint", endpoint).out())
        .contains(": existed");

    CommandRun described =
        run("table", "describe", "--table", "cli-users", "--endpoint", endpoint, "--count");
    assertThat(described.exitCode()).isZero();
    assertThat(described.out())
        .contains("userBeneficiaryFirstName")
        .contains("items (exact count): 0");

    Path other = dir.resolve("other.json");
    Files.writeString(
        other,
        """
        {"hashKey": "hashKey", "rangeKey": "rangeKey",
         "entities": {"user": {"uniqueProperty": "userId", "timestampProperty": "created"}},
         "indexes": {"created": {"hashKey": "hashKey", "rangeKey": "created"}},
         "propertyTranscodes": {"userId": "string", "created": "timestamp"}}""");
    CommandRun mismatch =
        run(
            "table",
            "create",
            "--table",
            "cli-users",
            "--endpoint",
            endpoint,
            "--config",
            other.toString());
    assertThat(mismatch.exitCode()).isEqualTo(2);
    assertThat(mismatch.err()).contains("firstName").doesNotContain("\tat ");

    CommandRun missing =
        run("table", "describe", "--table", "no-such-table", "--endpoint", endpoint);
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no table no-such-table");
  }
}
