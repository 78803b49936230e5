package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.testing.SeedUsers;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.dynamo.LocalDynamoDb;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.control.ControlTable;
import io.shardstream.dynamo.table.TableCreator;
import io.shardstream.dynamo.write.BatchWriter;
import io.shardstream.dynamo.write.WriteOperation;
import io.shardstream.schemas.ExampleConfigs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The query API following a control table: it starts on the table the record names, switches to
 * another table and configuration without a restart when the record changes, refuses a record it
 * cannot serve, and follows a rollback.
 */
@ExtendWith(DevStackExtension.class)
class ControlSwitchIT {
  private static final String JSON_A = ExampleConfigs.userEmail();

  /** A later shard bump for users: 64 shards from 2026-01-01. */
  private static final String JSON_B =
      JSON_A.replace(
          "{ \"timestamp\": 1735689600000, \"charBits\": 2, \"chars\": 2 }\n      ],\n      \"canonicalize\"",
          "{ \"timestamp\": 1735689600000, \"charBits\": 2, \"chars\": 2 },\n"
              + "        { \"timestamp\": 1767225600000, \"charBits\": 2, \"chars\": 3 }\n      ],\n"
              + "      \"canonicalize\"");

  private static final EntityConfig CONFIG_A = ConfigLoader.parse(JSON_A);
  private static final EntityConfig CONFIG_B = ConfigLoader.parse(JSON_B);
  private static final long JAN_2026 = 1767225600000L;

  @Test
  void switchesTablesWithoutARestartAndRollsBack(DynamoDbEndpoint endpoint) throws Exception {
    assertThat(CONFIG_B.version()).as("config B differs").isNotEqualTo(CONFIG_A.version());
    try (DynamoDbClient client = LocalDynamoDb.client(endpoint)) {
      String tableA = table(client, "switch-a", CONFIG_A, "u-a");
      String tableB = table(client, "switch-b", CONFIG_B, "u-b");
      ControlTable control = new ControlTable(client, "control-" + suffix());
      control.ensureExists();
      control.switchTo(tableA, JSON_A, CONFIG_A.version(), Instant.now());

      QueryApiSettings settings =
          new QueryApiSettings(
              "localhost",
              0,
              Optional.of(endpoint.url()),
              Optional.of(DynamoDbEndpoint.REGION),
              "not-used",
              SeedUsers.CONFIG,
              "test",
              new QueryApiSettings.CursorKey(CursorKeys.TEST, false),
              100,
              8,
              ApiKeys.NONE,
              Optional.of(control.name()),
              Duration.ofMillis(200),
              Admission.DEFAULT);
      try (QueryApiServer server = new QueryApiServer(settings).start()) {
        Http http = new Http(server.port());
        assertThat(server.activeTable()).isEqualTo(tableA);
        assertThat(http.get("/v1/users/u-a1").status()).isEqualTo(200);
        assertThat(http.get("/v1/users/u-b1").status()).isEqualTo(404);
        assertThat(http.get("/health/ready").json().at("/checks/table/detail").asText())
            .contains(tableA);
        Http.Reply firstPage = http.get("/v1/users", Http.params("limit", "1"));
        String cursor = firstPage.json().get("nextCursor").asText();

        control.switchTo(tableB, JSON_B, CONFIG_B.version(), Instant.now());
        awaitActiveTable(server, tableB);
        assertThat(http.get("/v1/users/u-b1").status()).isEqualTo(200);
        assertThat(http.get("/v1/users/u-a1").status()).isEqualTo(404);
        assertThat(http.get("/v1/users", Http.params("limit", "100")).json().get("items"))
            .hasSize(6);
        assertThat(http.get("/health/ready").json().at("/checks/table/detail").asText())
            .contains(tableB);
        assertThat(http.get("/metrics").body())
            .contains("shardstream_query_control_revision{service=\"query-api\"} 2.0");
        // A cursor of the old configuration cannot resume on the new one.
        Http.Reply stale = http.get("/v1/users", Http.params("limit", "1", "cursor", cursor));
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.json().get("title").asText()).contains("older configuration");

        // A record naming a table that does not exist is not applied.
        control.switchTo("missing-" + suffix(), JSON_A, CONFIG_A.version(), Instant.now());
        assertThat(server.refreshControl()).isFalse();
        assertThat(server.activeTable()).isEqualTo(tableB);
        assertThat(http.get("/v1/users/u-b1").status()).isEqualTo(200);

        // Rolling back (to tableB, the previous of the broken record), then back to tableA.
        control.rollback(Instant.now());
        control.switchTo(tableA, JSON_A, CONFIG_A.version(), Instant.now());
        awaitActiveTable(server, tableA);
        assertThat(http.get("/v1/users/u-a1").status()).isEqualTo(200);
      }
    }
  }

  /** A table under {@code config} with six users {@code <prefix>0..5}, some after 2026-01-01. */
  private static String table(
      DynamoDbClient client, String prefix, EntityConfig config, String userPrefix) {
    String table = prefix + "-" + suffix();
    TableCreator.ensure(client, table, config);
    EntityManager manager = new EntityManager(config);
    List<WriteOperation> puts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      long created = JAN_2026 + (i - 3) * 86_400_000L;
      Map<String, Object> user =
          new java.util.LinkedHashMap<>(
              Map.of(
                  "userId",
                  userPrefix + i,
                  "beneficiaryId",
                  "b1",
                  "firstName",
                  "Ana",
                  "lastName",
                  "Lopez" + i,
                  "created",
                  created,
                  "updated",
                  created));
      puts.add(WriteOperation.putItem(manager.addKeys("user", user)));
    }
    assertThat(
            BatchWriter.builder(client, table, TableKeys.of(config))
                .build()
                .write(puts)
                .allWritten())
        .isTrue();
    return table;
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** Nothing else moves while the server polls the control table: its active table is watched. */
  private static void awaitActiveTable(QueryApiServer server, String table) {
    ProgressWait.awaitProgress(
        "query API on table " + table,
        "its active table",
        server::activeTable,
        () -> server.activeTable().equals(table));
  }
}
