package io.shardstream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardstream.schemas.registry.ConfluentRegistryClient.CompatibilityCheck;
import io.shardstream.schemas.registry.ConfluentRegistryClient.SubjectVersion;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's requests and its reading of answers, against a scripted HTTP server on loopback
 * answering as Confluent Schema Registry documents (its error bodies included). The real registry's
 * answers are covered by {@code ConfluentApiIT}.
 */
class ConfluentRegistryClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[]}";

  private ScriptedRegistry registry;
  private ConfluentRegistryClient client;
  private URI url;

  @BeforeEach
  void startServer() throws IOException {
    registry = new ScriptedRegistry();
    url = registry.url();
    client =
        new ConfluentRegistryClient(RegistrySettings.production(SchemaRegistryApi.CONFLUENT, url));
  }

  @AfterEach
  void stopServer() {
    client.close();
    registry.close();
  }

  private void script(int status, String body) {
    registry.script(status, body);
  }

  @Test
  void registersUnderTheSubjectAndReturnsTheId() throws IOException {
    script(200, "{\"id\":42}");

    assertThat(client.register("users.changes-value", SCHEMA)).isEqualTo(42);

    ScriptedRegistry.Request request = registry.requests().getFirst();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.uri()).isEqualTo("/sr/subjects/users.changes-value/versions");
    assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(JSON.readTree(request.body()).get("schema").asText()).isEqualTo(SCHEMA);
    assertThat(JSON.readTree(request.body()).has("schemaType"))
        .as("AVRO is the default; older registries reject the field")
        .isFalse();
  }

  @Test
  void aConflictIsAnIncompatibleSchema() {
    script(
        409,
        "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an"
            + " earlier schema for subject \\\"s-value\\\"\"}");

    assertThatThrownBy(() -> client.register("s-value", SCHEMA))
        .isInstanceOfSatisfying(
            IncompatibleSchemaException.class,
            e -> assertThat(e.violations()).singleElement().asString().contains("incompatible"))
        .hasMessageContaining("schema registry at " + url + " rejected a schema")
        .hasMessageContaining("subject s-value");
  }

  @Test
  void aSchemaIsLookedUpUnderItsSubject() {
    script(200, "{\"subject\":\"s-value\",\"version\":3,\"id\":7,\"schema\":\"...\"}");
    script(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
    script(404, "{\"error_code\":40401,\"message\":\"Subject 's-value' not found.\"}");

    assertThat(client.lookup("s-value", SCHEMA)).contains(new SubjectVersion("s-value", 3, 7));
    assertThat(client.lookup("s-value", SCHEMA)).isEmpty();
    assertThat(client.lookup("s-value", SCHEMA)).isEmpty();
    assertThat(registry.requests())
        .extracting(ScriptedRegistry.Request::uri)
        .containsOnly("/sr/subjects/s-value");
  }

  @Test
  void schemasAreFetchedById() {
    script(200, "{\"schema\":" + JSON.valueToTree(SCHEMA) + "}");
    script(404, "{\"error_code\":40403,\"message\":\"Schema 8 not found\"}");

    assertThat(client.schema(7)).contains(SCHEMA);
    assertThat(client.schema(8)).isEmpty();
    assertThat(registry.requests())
        .extracting(ScriptedRegistry.Request::method, ScriptedRegistry.Request::uri)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET", "/sr/schemas/ids/7"),
            org.assertj.core.groups.Tuple.tuple("GET", "/sr/schemas/ids/8"));
  }

  @Test
  void compatibilityIsReadWithTheGlobalFallbackAndSetPerSubject() throws IOException {
    script(200, "{\"compatibilityLevel\":\"FULL\"}");
    script(
        404,
        "{\"error_code\":40408,\"message\":\"Subject does not have subject-level"
            + " compatibility configured\"}");
    script(200, "{\"compatibility\":\"BACKWARD\"}");

    assertThat(client.compatibility("s-value")).contains("FULL");
    assertThat(client.compatibility("s-value")).isEqualTo(Optional.empty());
    assertThat(client.setCompatibility("s-value", "BACKWARD")).isTrue();

    assertThat(registry.requests().get(0).uri())
        .isEqualTo("/sr/config/s-value?defaultToGlobal=true");
    assertThat(registry.requests().get(2).method()).isEqualTo("PUT");
    assertThat(registry.requests().get(2).uri()).isEqualTo("/sr/config/s-value");
    assertThat(JSON.readTree(registry.requests().get(2).body()).get("compatibility").asText())
        .isEqualTo("BACKWARD");
  }

  @Test
  void aRegistryRefusingALevelForAnUnknownSubjectSaysSo() {
    script(404, "{\"error_code\":40401,\"message\":\"Subject 's-value' not found.\"}");

    assertThat(client.setCompatibility("s-value", "BACKWARD")).isFalse();
  }

  @Test
  void aCompatibilityCheckReturnsTheRegistrysMessages() {
    script(
        200,
        "{\"is_compatible\":false,\"messages\":[\"READER_FIELD_MISSING_DEFAULT_VALUE: tier\"]}");
    script(404, "{\"error_code\":40401,\"message\":\"Subject not found\"}");

    assertThat(client.checkCompatibility("s-value", SCHEMA))
        .isEqualTo(
            new CompatibilityCheck(false, List.of("READER_FIELD_MISSING_DEFAULT_VALUE: tier")));
    assertThat(client.checkCompatibility("s-value", SCHEMA).compatible())
        .as("nothing registered yet: nothing to break")
        .isTrue();
    assertThat(registry.requests().getFirst().uri())
        .isEqualTo("/sr/compatibility/subjects/s-value/versions/latest?verbose=true");
  }

  @Test
  void serverErrorsAndThrottlingAreUnavailability() {
    script(503, "upstream down");
    script(429, "{\"error_code\":42901,\"message\":\"Too many requests\"}");

    assertThatThrownBy(() -> client.schema(1))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasMessage(
            "schema registry at "
                + url
                + " is unavailable while fetching schema id 1:"
                + " HTTP 503 upstream down");
    assertThatThrownBy(() -> client.schema(1))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasMessageContaining("HTTP 429 Too many requests (error_code 42901)");
  }

  @Test
  void otherRefusalsAreRegistryErrorsWithTheirCode() {
    script(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");
    script(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");

    assertThatThrownBy(() -> client.register("s-value", "{"))
        .isExactlyInstanceOf(SchemaRegistryException.class)
        .hasMessage(
            "schema registry at "
                + url
                + " failed while registering a schema under subject"
                + " s-value: HTTP 422 Invalid schema (error_code 42201)");
    assertThatThrownBy(() -> client.schema(1))
        .isExactlyInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("HTTP 401 Unauthorized");
  }

  @Test
  void aServerWithoutTheApiAtThisUrlIsNamedAsSuch() {
    script(404, "<html>Not Found</html>");

    assertThatThrownBy(() -> client.schema(1))
        .isExactlyInstanceOf(SchemaRegistryException.class)
        .hasMessageStartingWith("no Confluent-compatible schema registry API at " + url)
        .hasMessageContaining("registry.url")
        .hasMessageContaining("/apis/ccompat/v7");
  }

  @Test
  void noServerIsUnavailability() throws IOException {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    try (ConfluentRegistryClient nowhere =
        new ConfluentRegistryClient(
            RegistrySettings.production(SchemaRegistryApi.CONFLUENT, closed))) {
      assertThatThrownBy(() -> nowhere.lookup("s-value", SCHEMA))
          .isInstanceOf(SchemaRegistryUnavailableException.class)
          .hasMessageStartingWith(
              "schema registry at "
                  + closed
                  + " is unavailable while looking up a schema under"
                  + " subject s-value: cannot connect");
    }
  }

  @Test
  void subjectsAreOnePathSegment() {
    assertThat(ConfluentRegistryClient.segment("users.changes-value"))
        .isEqualTo("users.changes-value");
    assertThat(ConfluentRegistryClient.segment("a/b c")).isEqualTo("a%2Fb%20c");
  }
}
