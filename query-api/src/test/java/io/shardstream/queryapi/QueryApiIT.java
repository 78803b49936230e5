package io.shardstream.queryapi;

import static io.shardstream.queryapi.Http.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.testing.SeedUsers;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.dynamo.LocalDynamoDb;
import io.shardstream.queryapi.Http.Reply;
import io.shardstream.schemas.ExampleConfigs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The server on DynamoDB Local: lookups across bumps, names, keys and scope, cursors, health. */
@ExtendWith(DevStackExtension.class)
class QueryApiIT {
  private static final String ADMIN = "it-admin";
  private static final String B1 = "it-b1";
  private static final String B2 = "it-b2";
  private static DynamoDbEndpoint endpoint;
  private static DynamoDbClient client;
  private static String table;
  private static QueryApiServer server;
  private static Http http;

  @BeforeAll
  static void start(DynamoDbEndpoint dynamoDb) {
    endpoint = dynamoDb;
    client = LocalDynamoDb.client(endpoint);
    table = LocalQueryApi.createTable(client, "api");
    List<Map<String, Object>> items = new ArrayList<>();
    // One user per bump era, so lookups read every candidate key and find the right one.
    items.add(
        SeedUsers.user("u-old", "b1", "José", "Núñez", "1555", SeedUsers.START, SeedUsers.START));
    items.add(
        SeedUsers.user(
            "u-mid",
            "b2",
            "Joseph",
            "Nunez-Ortiz",
            null,
            SeedUsers.BUMP_4 + 5,
            SeedUsers.BUMP_4 + 6));
    items.add(
        SeedUsers.user(
            "u-new", "b1", "Ana", "Joss", "1777", SeedUsers.BUMP_16 + 9, SeedUsers.BUMP_16 + 10));
    for (int i = 0; i < 30; i++) {
      items.add(
          SeedUsers.user(
              "u-" + i,
              "b" + (1 + i % 2),
              "Filler",
              "Person" + i,
              null,
              SeedUsers.BUMP_16 + 1000 + i,
              SeedUsers.BUMP_16 + 2000 + i));
    }
    items.add(SeedUsers.email("jose@example.com", "u-old", SeedUsers.START + 1));
    items.add(SeedUsers.email("jose@work.example", "u-old", SeedUsers.BUMP_16 + 1));
    items.add(SeedUsers.email("joseph@example.com", "u-mid", SeedUsers.BUMP_4 + 7));
    LocalQueryApi.write(client, table, items);
    server = LocalQueryApi.start(endpoint, table, ADMIN + "," + B1 + ":b1," + B2 + ":b2");
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.stop();
    client.close();
  }

  private static Reply get(String key, String path, Map<String, String> parameters) {
    return http.get(path, parameters, Optional.of(key));
  }

  private static List<String> ids(Reply reply, String field) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return StreamSupport.stream(reply.json().get("items").spliterator(), false)
        .map(i -> i.get(field).asText())
        .toList();
  }

  private static void assertProblem(Reply reply, int status, String title) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("status").asInt()).isEqualTo(status);
    assertThat(reply.json().get("title").asText()).isEqualTo(title);
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  /** A 400 of this type: its own {@code type} URI and title. */
  private static void assertProblem(Reply reply, ProblemType type) {
    assertProblem(reply, 400, type.title());
    assertThat(reply.json().get("type").asText()).isEqualTo(type.uri());
  }

  @Test
  void looksUpUsersAndEmailsInEveryBumpEra() {
    for (String id : List.of("u-old", "u-mid", "u-new")) {
      Reply user = get(ADMIN, "/v1/users/" + id, Map.of());
      assertThat(user.status()).isEqualTo(200);
      assertThat(user.json().get("userId").asText()).isEqualTo(id);
      assertThat(user.json().has("hashKey")).isFalse();
      assertThat(user.json().has("firstNameCanonical")).isFalse();
    }
    assertThat(get(ADMIN, "/v1/emails/joseph@example.com", Map.of()).json().get("userId").asText())
        .isEqualTo("u-mid");
    assertProblem(get(ADMIN, "/v1/users/u-none", Map.of()), 404, "Not Found");
  }

  @Test
  void searchesNamesOverFirstAndLastNamesAcrossShards() {
    // By the name as matched, naturally: "jose" comes before "joseph", "nunez" before
    // "nunezortiz".
    assertThat(ids(get(ADMIN, "/v1/users", params("name", "jos")), "userId"))
        .containsExactly("u-old", "u-mid", "u-new");
    assertThat(ids(get(ADMIN, "/v1/users", params("name", "NUNEZ")), "userId"))
        .containsExactly("u-old", "u-mid");
    assertThat(ids(get(ADMIN, "/v1/users", params("name", "josé núñ")), "userId"))
        .containsExactly("u-old");
    assertThat(ids(get(ADMIN, "/v1/users", params("name", "nunez jo", "order", "desc")), "userId"))
        .containsExactly("u-old");
    assertThat(ids(get(ADMIN, "/v1/users", params("name", "jos", "beneficiaryId", "b1")), "userId"))
        .containsExactly("u-old", "u-new");
    assertThat(ids(get(B2, "/v1/users", params("name", "jos")), "userId")).containsExactly("u-mid");
  }

  @Test
  void listsAUsersEmailsOverEveryShard() {
    assertThat(ids(get(ADMIN, "/v1/users/u-old/emails", Map.of()), "email"))
        .containsExactly("jose@example.com", "jose@work.example");
    assertThat(
            ids(get(ADMIN, "/v1/users/u-old/emails", params("createdFrom", "2024-06-01")), "email"))
        .containsExactly("jose@work.example");
    assertThat(ids(get(ADMIN, "/v1/emails", params("order", "desc")), "email"))
        .containsExactly("jose@work.example", "joseph@example.com", "jose@example.com");
  }

  @Test
  void aBoundKeySeesOnlyItsBeneficiary() {
    List<String> b1Users = ids(get(B1, "/v1/users", params("limit", "100")), "userId");
    assertThat(b1Users).contains("u-old", "u-new").doesNotContain("u-mid").hasSize(17);
    assertThat(ids(get(B2, "/v1/users", params("name", "jos")), "userId")).containsExactly("u-mid");
    assertProblem(get(B1, "/v1/users", params("beneficiaryId", "b2")), 403, "Forbidden");
    assertProblem(get(B1, "/v1/users/u-mid", Map.of()), 404, "Not Found");
    assertProblem(get(B1, "/v1/users/u-mid/emails", Map.of()), 404, "Not Found");
    assertProblem(get(B1, "/v1/emails/joseph@example.com", Map.of()), 404, "Not Found");
    assertThat(get(B2, "/v1/emails/joseph@example.com", Map.of()).status()).isEqualTo(200);
    assertProblem(get(B1, "/v1/emails", Map.of()), 403, "Forbidden");
    assertThat(ids(get(B1, "/v1/emails", params("userId", "u-mid")), "email")).isEmpty();
    assertThat(ids(get(B1, "/v1/emails", params("userId", "u-old")), "email")).hasSize(2);
    assertProblem(http.get("/v1/users"), 401, "Unauthorized");
    assertProblem(http.get("/v1/users/u-old", Map.of(), Optional.of("nope")), 401, "Unauthorized");
  }

  @Test
  void cursorsOfOtherSearchesKeysOrConfigurationsAreBadRequests() {
    Map<String, String> search = params("sort", "updated", "limit", "3");
    String cursor = get(ADMIN, "/v1/users", search).json().get("nextCursor").asText();
    assertThat(
            ids(
                get(ADMIN, "/v1/users", params("sort", "updated", "limit", "5", "cursor", cursor)),
                "userId"))
        .hasSize(5);

    assertProblem(
        get(ADMIN, "/v1/users", params("sort", "created", "cursor", cursor)),
        ProblemType.FOREIGN_CURSOR);
    // A bound key's implied beneficiary is part of the search: it cannot borrow a wider cursor.
    assertProblem(
        get(B1, "/v1/users", params("sort", "updated", "cursor", cursor)),
        ProblemType.FOREIGN_CURSOR);
    StringBuilder tampered = new StringBuilder(cursor);
    int middle = cursor.length() / 2;
    tampered.setCharAt(middle, cursor.charAt(middle) == 'x' ? 'y' : 'x');
    assertProblem(
        get(ADMIN, "/v1/users", params("sort", "updated", "cursor", tampered.toString())),
        ProblemType.TAMPERED_CURSOR);
    assertProblem(
        get(ADMIN, "/v1/users", params("sort", "updated", "cursor", "%%%")),
        ProblemType.MALFORMED_CURSOR);
    assertProblem(
        get(ADMIN, "/v1/users", params("sort", "updated", "cursor", cursor.substring(0, 10))),
        ProblemType.MALFORMED_CURSOR);

    EntityConfig changed =
        ConfigLoader.parse(
            ExampleConfigs.userEmail()
                .replace(
                    "\"propertyTranscodes\": {",
                    "\"propertyTranscodes\": {\n    \"nickname\": \"string\","));
    assertThat(changed.version()).isNotEqualTo(SeedUsers.CONFIG.version());
    try (QueryApiServer newer = LocalQueryApi.start(endpoint, table, ADMIN, changed)) {
      Reply stale =
          new Http(newer.port())
              .get("/v1/users", params("sort", "updated", "cursor", cursor), Optional.of(ADMIN));
      assertProblem(stale, ProblemType.STALE_CURSOR);
      assertThat(stale.json().get("errors").get(0).get("parameter").asText()).isEqualTo("cursor");
    }
  }

  @Test
  void isReadyWhenTheTableIsAndCountsRequestsByRoute() {
    assertThat(http.get("/health/live").status()).isEqualTo(200);
    Reply ready = http.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("checks").get("table").get("detail").asText()).contains(table);
    try (QueryApiServer lost = LocalQueryApi.start(endpoint, "no-such-table", "")) {
      Http lostHttp = new Http(lost.port());
      assertThat(lostHttp.get("/health/ready").status()).isEqualTo(503);
      Reply failed = lostHttp.get("/v1/users");
      assertProblem(failed, 503, "Service Unavailable");
      assertThat(failed.json().has("errorId")).isTrue();
    }
    get(ADMIN, "/v1/users", Map.of());
    String metrics = http.get("/metrics").body();
    assertThat(metrics)
        .contains(
            "http_server_requests_seconds_count{method=\"GET\","
                + "route=\"/v1/users\",service=\"query-api\",status=\"200\"}")
        .contains("shardstream_query_items_read_total{entity=\"user\",service=\"query-api\"}");
  }
}
