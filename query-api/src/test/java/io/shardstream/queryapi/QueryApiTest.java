package io.shardstream.queryapi;

import static io.shardstream.queryapi.Http.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.shardstream.core.query.CursorCodec;
import io.shardstream.core.testing.SeedUsers;
import io.shardstream.queryapi.Http.Reply;
import io.shardstream.service.Metrics;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP layer over an in-memory table: shapes of answers and problems, keys, scope. */
class QueryApiTest {
  private static final String ADMIN = "admin-key-1";
  private static final String B1_KEY = "b1-key-1";
  private static Javalin app;
  private static Http http;

  @BeforeAll
  static void start() {
    List<Map<String, Object>> items = new ArrayList<>();
    items.add(
        SeedUsers.user(
            "u-1", "b1", "Ada", "Lovelace", "1555", SeedUsers.BUMP_16 + 1, SeedUsers.BUMP_16 + 5));
    items.add(
        SeedUsers.user("u-2", "b1", "Ana", "Gómez-Juárez", null, SeedUsers.START, SeedUsers.START));
    items.add(
        SeedUsers.user(
            "u-3", "b2", "Alan", "Turing", "1666", SeedUsers.BUMP_4 + 7, SeedUsers.BUMP_4 + 9));
    items.add(SeedUsers.email("ada@example.com", "u-1", SeedUsers.BUMP_16 + 2));
    items.add(SeedUsers.email("ada2@example.com", "u-1", SeedUsers.BUMP_16 + 3));
    items.add(SeedUsers.email("alan@example.com", "u-3", SeedUsers.BUMP_4 + 8));
    app =
        QueryApi.create(
            InMemoryBackend.of(items),
            new CursorCodec(CursorKeys.TEST),
            // The admin key as a deployment would give it, hashed; the bound key in plain.
            ApiKeys.parse(ApiKeys.hashedEntry(ADMIN, Optional.empty()) + "," + B1_KEY + ":b1"),
            10,
            Metrics.newRegistry("test"));
    app.start("localhost", 0);
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  private static Reply admin(String path, Map<String, String> parameters) {
    return http.get(path, parameters, Optional.of(ADMIN));
  }

  private static List<String> ids(Reply reply, String field) {
    return StreamSupport.stream(reply.json().get("items").spliterator(), false)
        .map(i -> i.get(field).asText())
        .toList();
  }

  private static void assertProblem(Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.isProblem()).as(reply.contentType()).isTrue();
    assertThat(reply.json().get("status").asInt()).isEqualTo(status);
    assertThat(reply.json().get("title").asText()).isNotBlank();
  }

  @Test
  void looksUpAUserWithoutItsKeysOrCanonicalNames() {
    Reply reply = admin("/v1/users/u-2", Map.of());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.json().get("lastName").asText()).isEqualTo("Gómez-Juárez");
    assertThat(reply.json().get("created").asLong()).isEqualTo(SeedUsers.START);
    List<String> fields = new ArrayList<>();
    reply.json().fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "userId", "beneficiaryId", "firstName", "lastName", "created", "updated");
  }

  @Test
  void includesAUsersEmailsFromTheirIndexCountingItsQueries() {
    Reply reply = admin("/v1/users/u-1", params("include", "all"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("userId").asText()).isEqualTo("u-1");
    List<String> emails = new ArrayList<>();
    reply.json().get("emails").forEach(e -> emails.add(e.get("email").asText()));
    assertThat(emails).containsExactly("ada@example.com", "ada2@example.com");
    assertThat(reply.json().at("/stats/lookups").asInt()).isEqualTo(1);
    Reply listed = admin("/v1/users/u-1/emails", Map.of());
    assertThat(reply.json().at("/stats/queries").asInt())
        .isEqualTo(listed.json().at("/stats/dynamoRequests").asInt())
        .isPositive();
    assertThat(admin("/v1/users/u-1", params("include", "emails")).json().get("emails"))
        .isEqualTo(reply.json().get("emails"));
    Reply bound = http.get("/v1/users/u-3", params("include", "all"), Optional.of(B1_KEY));
    assertProblem(bound, 404);
    assertProblem(admin("/v1/users/u-1", params("include", "addresses")), 400);
    assertProblem(admin("/v1/emails/ada@example.com", params("include", "all")), 400);
  }

  @Test
  void absentItemsAreNotFoundProblems() {
    assertProblem(admin("/v1/users/nobody", Map.of()), 404);
    assertProblem(admin("/v1/emails/nobody@example.com", Map.of()), 404);
    assertProblem(admin("/v1/users/nobody/emails", Map.of()), 404);
    assertProblem(admin("/v1/nothing-here", Map.of()), 404);
  }

  @Test
  void pagesASearchWithCursorsAndStats() {
    Reply first = admin("/v1/users", params("sort", "created", "limit", "2"));
    assertThat(ids(first, "userId")).containsExactly("u-2", "u-3");
    assertThat(first.json().get("stats").get("partitionsQueried").asInt()).isPositive();
    assertThat(first.json().get("stats").has("dynamoRequests")).isTrue();
    assertThat(first.json().get("stats").has("itemsRead")).isTrue();
    assertThat(first.json().get("stats").get("roundTrips").asInt()).isPositive();
    String cursor = first.json().get("nextCursor").asText();

    Reply second = admin("/v1/users", params("sort", "created", "limit", "2", "cursor", cursor));
    assertThat(ids(second, "userId")).containsExactly("u-1");
    assertThat(second.json().has("nextCursor")).isFalse();
  }

  @Test
  void searchesNamesAcrossFirstAndLastNamesIgnoringAccents() {
    assertThat(ids(admin("/v1/users", params("name", "GOMEZ-j")), "userId")).containsExactly("u-2");
    assertThat(ids(admin("/v1/users", params("name", "a")), "userId"))
        .containsExactly("u-1", "u-3", "u-2");
    assertThat(ids(admin("/v1/users", params("name", "turing al")), "userId"))
        .containsExactly("u-3");
    assertThat(ids(admin("/v1/users", params("name", "a", "order", "desc")), "userId"))
        .containsExactly("u-2", "u-3", "u-1");
  }

  @Test
  void listsAUsersEmails() {
    assertThat(ids(admin("/v1/users/u-1/emails", Map.of()), "email"))
        .containsExactly("ada@example.com", "ada2@example.com");
    assertThat(ids(admin("/v1/emails", params("userId", "u-1", "order", "desc")), "email"))
        .containsExactly("ada2@example.com", "ada@example.com");
    assertThat(ids(admin("/v1/emails", Map.of()), "email"))
        .containsExactly("alan@example.com", "ada@example.com", "ada2@example.com");
    assertThat(admin("/v1/emails/alan@example.com", Map.of()).json().get("userId").asText())
        .isEqualTo("u-3");
  }

  @Test
  void collectsEveryInvalidParameterIntoOneProblem() {
    Reply reply =
        admin(
            "/v1/users",
            params(
                "sort",
                "height",
                "limit",
                "0",
                "createdFrom",
                "yesterday",
                "bogus",
                "1",
                "order",
                "up"));

    assertProblem(reply, 400);
    List<String> named = new ArrayList<>();
    reply.json().get("errors").forEach(e -> named.add(e.get("parameter").asText()));
    assertThat(named).containsExactlyInAnyOrder("sort", "limit", "createdFrom", "bogus", "order");
    assertThat(reply.json().get("detail").asText()).contains("bogus");
  }

  @Test
  void refusesLongDuplicateAndEmptyParameters() {
    assertProblem(admin("/v1/users", params("beneficiaryId", "x".repeat(257))), 400);
    assertProblem(http.getRaw("/v1/users?limit=1&limit=2", Optional.of(ADMIN)), 400);
    assertProblem(admin("/v1/users", params("name", "")), 400);
    assertProblem(admin("/v1/users", params("name", "ada", "sort", "created")), 400);
    assertProblem(admin("/v1/users", params("limit", "11")), 400);
    assertProblem(admin("/v1/users/u-1", params("limit", "1")), 400);
    assertProblem(admin("/v1/users/a%2Cb", Map.of()), 400);
  }

  @Test
  void cursorsThatCannotResumeAreBadRequestsNamingTheirKind() {
    String cursor = admin("/v1/users", params("limit", "1")).json().get("nextCursor").asText();

    Reply foreign = admin("/v1/users", params("limit", "1", "order", "desc", "cursor", cursor));
    assertProblem(foreign, 400);
    assertThat(foreign.json().get("title").asText()).isEqualTo("Cursor belongs to another search");
    assertThat(foreign.json().get("type").asText()).isEqualTo(ProblemType.FOREIGN_CURSOR.uri());

    char last = cursor.charAt(cursor.length() - 1);
    String tampered = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');
    Reply bad = admin("/v1/users", params("limit", "1", "cursor", tampered));
    assertProblem(bad, 400);
    assertThat(bad.json().get("title").asText()).isEqualTo("Tampered cursor");
    assertThat(bad.json().get("type").asText()).isEqualTo(ProblemType.TAMPERED_CURSOR.uri());

    Reply garbage = admin("/v1/users", params("cursor", "not a cursor!"));
    assertProblem(garbage, 400);
    assertThat(garbage.json().get("title").asText()).isEqualTo("Malformed cursor");
  }

  @Test
  void keysAreRequiredAndBoundKeysSeeOnlyTheirBeneficiary() {
    assertProblem(http.get("/v1/users"), 401);
    assertProblem(http.get("/v1/users", Map.of(), Optional.of("wrong")), 401);
    String adminHash = ApiKeys.hashedEntry(ADMIN, Optional.empty());
    assertProblem(http.get("/v1/users", Map.of(), Optional.of(adminHash)), 401);
    assertThat(admin("/v1/users", Map.of()).status()).isEqualTo(200);
    assertThat(http.get("/health/live").status()).isEqualTo(200);
    assertThat(http.get("/openapi.json").status()).isEqualTo(200);

    Optional<String> b1 = Optional.of(B1_KEY);
    Reply scoped = http.get("/v1/users", Map.of(), b1);
    assertThat(ids(scoped, "userId")).containsExactly("u-2", "u-1");
    assertThat(ids(http.get("/v1/users", params("beneficiaryId", "b1"), b1), "userId"))
        .containsExactly("u-2", "u-1");
    assertProblem(http.get("/v1/users", params("beneficiaryId", "b2"), b1), 403);
    assertThat(http.get("/v1/users/u-1", Map.of(), b1).status()).isEqualTo(200);
    assertProblem(http.get("/v1/users/u-3", Map.of(), b1), 404);
    assertProblem(http.get("/v1/users/u-3/emails", Map.of(), b1), 404);
    assertProblem(http.get("/v1/emails/alan@example.com", Map.of(), b1), 404);
    assertThat(http.get("/v1/emails/ada@example.com", Map.of(), b1).status()).isEqualTo(200);
    assertProblem(http.get("/v1/emails", Map.of(), b1), 403);
    assertThat(ids(http.get("/v1/emails", params("userId", "u-3"), b1), "email")).isEmpty();
    assertThat(ids(http.get("/v1/emails", params("userId", "u-1"), b1), "email")).hasSize(2);
  }

  @Test
  void otherMethodsOnReadRoutesAre405WithAllow() throws Exception {
    for (String path :
        List.of(
            "/v1/users",
            "/v1/users/u-1",
            "/v1/users/u-1/emails",
            "/v1/emails",
            "/v1/emails/ada@example.com",
            "/openapi.json",
            "/health/ready")) {
      for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
        var response =
            http.client()
                .send(
                    HttpRequest.newBuilder(http.base().resolve(path))
                        .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                        .header("X-Api-Key", ADMIN)
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        Reply reply = Http.reply(response);
        String request = method + " " + path;
        assertThat(reply.status()).as(request).isEqualTo(405);
        assertThat(reply.isProblem()).as(request).isTrue();
        assertThat(response.headers().firstValue("Allow")).as(request).hasValue("GET");
        assertThat(reply.json().get("detail").asText())
            .as(request)
            .isEqualTo(method + " is not supported on " + path + "; allowed: GET");
      }
    }
    assertProblem(admin("/v1/nothing-here", Map.of()), 404);
  }

  @Test
  void eachKindOf400HasItsOwnProblemType() {
    Reply invalid = admin("/v1/users", params("limit", "0"));
    assertThat(invalid.json().get("type").asText())
        .isEqualTo("urn:shardstream:problem:invalid-parameters");
    String cursor = admin("/v1/users", params("limit", "1")).json().get("nextCursor").asText();
    Reply foreign = admin("/v1/users", params("limit", "1", "order", "desc", "cursor", cursor));
    assertThat(foreign.json().get("type").asText())
        .isEqualTo("urn:shardstream:problem:foreign-cursor");
    Reply garbage = admin("/v1/users", params("cursor", "not a cursor!"));
    assertThat(garbage.json().get("type").asText())
        .isEqualTo("urn:shardstream:problem:malformed-cursor");
    // Problems whose status says everything stay about:blank.
    assertThat(admin("/v1/users/nobody", Map.of()).json().get("type").asText())
        .isEqualTo("about:blank");
  }

  @Test
  void servesHealthAndMetricsByRouteTemplate() {
    admin("/v1/users/u-1", Map.of());
    assertThat(http.get("/health/ready").status()).isEqualTo(200);
    String metrics = http.get("/metrics").body();
    assertThat(metrics)
        .contains(
            "http_server_requests_seconds_count{method=\"GET\","
                + "route=\"/v1/users/{userId}\",service=\"test\",status=\"200\"}");
    assertThat(metrics).contains("shardstream_query_dynamodb_requests_total");
  }

  @Test
  void servesTheOpenApiDocumentWithThisServersLimit() {
    JsonNode limit = http.get("/openapi.json").json().at("/components/parameters/limit/schema");
    assertThat(limit.get("maximum").asInt()).isEqualTo(10);
    assertThat(limit.get("default").asInt()).isEqualTo(10);
  }
}
