package io.shardstream.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few calls of the Confluent Schema Registry REST API that shardstream makes, on the JDK's HTTP
 * client: register a schema under a subject, find a schema's id under a subject, fetch a schema by
 * id, read and set a subject's compatibility level, and test a schema against it. Confluent Schema
 * Registry, Karapace, Redpanda and Apicurio's {@code /apis/ccompat/v7} all serve these.
 *
 * <p>Confluent's own client is not on Maven Central, and Apicurio's serde and SDK speak only
 * Apicurio's own APIs, so shardstream carries this one; it is small on purpose. Failures arrive as
 * the project's registry exceptions: {@link SchemaRegistryUnavailableException} when the registry
 * does not answer, answers 5xx or 429 (retry), {@link IncompatibleSchemaException} for a schema the
 * compatibility level refuses, {@link SchemaRegistryException} for any other refusal. Thread-safe.
 */
public final class ConfluentRegistryClient implements AutoCloseable {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      CONTENT_TYPE + ", application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int NO_ERROR_CODE = -1;

  private final URI apiUrl;
  private final HttpClient http;

  /** A version of a schema under a subject. */
  public record SubjectVersion(String subject, int version, long id) {}

  /** The registry's verdict on a schema against a subject's compatibility level. */
  public record CompatibilityCheck(boolean compatible, List<String> messages) {}

  public ConfluentRegistryClient(RegistrySettings settings) {
    this.apiUrl = settings.apiUrl();
    // HTTP/1.1: some registries behind proxies mishandle the h2c upgrade the default would try.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
  }

  /** The API's root URL, for messages. */
  public URI apiUrl() {
    return apiUrl;
  }

  /**
   * Registers {@code schema} (Avro) under {@code subject}, or finds it there: {@code POST
   * /subjects/{subject}/versions}.
   *
   * @return the schema's id
   * @throws IncompatibleSchemaException the subject's compatibility level refuses it
   */
  public long register(String subject, String schema) {
    String action = "registering a schema under subject " + subject;
    Response response =
        exchange("POST", "/subjects/" + segment(subject) + "/versions", schemaBody(schema), action);
    if (response.status() == 409) {
      String message = response.message();
      throw new IncompatibleSchemaException(
          "schema registry at " + apiUrl + " rejected a schema while " + action + ": " + message,
          List.of(message),
          null);
    }
    return response.expectOk(action).path("id").asLong();
  }

  /**
   * The version of {@code subject} whose schema is {@code schema}: {@code POST
   * /subjects/{subject}}. Empty when the subject or the schema under it is not registered.
   */
  public Optional<SubjectVersion> lookup(String subject, String schema) {
    String action = "looking up a schema under subject " + subject;
    Response response =
        exchange("POST", "/subjects/" + segment(subject), schemaBody(schema), action);
    if (response.isNotFound(action)) {
      return Optional.empty();
    }
    JsonNode body = response.expectOk(action);
    return Optional.of(
        new SubjectVersion(
            body.path("subject").asText(subject),
            body.path("version").asInt(),
            body.path("id").asLong()));
  }

  /** The schema with this id: {@code GET /schemas/ids/{id}}. Empty when there is none. */
  public Optional<String> schema(long id) {
    String action = "fetching schema id " + id;
    Response response = exchange("GET", "/schemas/ids/" + id, null, action);
    if (response.isNotFound(action)) {
      return Optional.empty();
    }
    return Optional.of(response.expectOk(action).path("schema").asText());
  }

  /**
   * The newest schema under {@code subject}: {@code GET /subjects/{subject}/versions/latest}. Empty
   * when the subject has none.
   */
  public Optional<String> latestSchema(String subject) {
    String action = "fetching the latest schema of subject " + subject;
    Response response =
        exchange("GET", "/subjects/" + segment(subject) + "/versions/latest", null, action);
    if (response.isNotFound(action)) {
      return Optional.empty();
    }
    return Optional.of(response.expectOk(action).path("schema").asText());
  }

  /**
   * The compatibility level in force for {@code subject}, the registry's global one when the
   * subject has none of its own: {@code GET /config/{subject}?defaultToGlobal=true}. Empty when the
   * registry names none for the subject (unknown subjects, on some registries).
   */
  public Optional<String> compatibility(String subject) {
    String action = "reading the compatibility level of subject " + subject;
    Response response =
        exchange("GET", "/config/" + segment(subject) + "?defaultToGlobal=true", null, action);
    if (response.isNotFound(action)) {
      return Optional.empty();
    }
    JsonNode body = response.expectOk(action);
    // Confluent answers compatibilityLevel; some registries answer a PUT's field name.
    JsonNode level =
        body.hasNonNull("compatibilityLevel")
            ? body.get("compatibilityLevel")
            : body.path("compatibility");
    return level.isTextual() ? Optional.of(level.asText()) : Optional.empty();
  }

  /**
   * Sets {@code subject}'s compatibility level: {@code PUT /config/{subject}}.
   *
   * @return false when the registry refuses a level for a subject it does not know yet (most accept
   *     one before the first version)
   */
  public boolean setCompatibility(String subject, String level) {
    String action = "setting the compatibility level of subject " + subject + " to " + level;
    ObjectNode body = JSON.createObjectNode().put("compatibility", level);
    Response response = exchange("PUT", "/config/" + segment(subject), body, action);
    if (response.isNotFound(action)) {
      return false;
    }
    response.expectOk(action);
    return true;
  }

  /**
   * Tests {@code schema} against the subject's latest version under its compatibility level: {@code
   * POST /compatibility/subjects/{subject}/versions/latest?verbose=true}. A subject without
   * versions accepts any schema.
   */
  public CompatibilityCheck checkCompatibility(String subject, String schema) {
    String action = "checking a schema's compatibility with subject " + subject;
    Response response =
        exchange(
            "POST",
            "/compatibility/subjects/" + segment(subject) + "/versions/latest?verbose=true",
            schemaBody(schema),
            action);
    if (response.isNotFound(action)) {
      return new CompatibilityCheck(true, List.of());
    }
    JsonNode body = response.expectOk(action);
    List<String> messages = new ArrayList<>();
    body.path("messages").forEach(message -> messages.add(message.asText()));
    return new CompatibilityCheck(body.path("is_compatible").asBoolean(false), messages);
  }

  @Override
  public void close() {
    http.close();
  }

  private static ObjectNode schemaBody(String schema) {
    // No schemaType: AVRO is the API's default, and older registries reject the field.
    return JSON.createObjectNode().put("schema", schema);
  }

  private Response exchange(String method, String path, JsonNode body, String action) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(apiUrl + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", ACCEPT);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", CONTENT_TYPE)
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    HttpResponse<String> response;
    try {
      response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SchemaRegistryUnavailableException(
          "schema registry at " + apiUrl + " is unavailable while " + action + ": " + describe(e),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(
          "interrupted while " + action + " at the schema registry " + apiUrl, e);
    }
    Response answer = new Response(response.statusCode(), response.body());
    if (answer.status() >= 500 || answer.status() == 429) {
      throw new SchemaRegistryUnavailableException(
          "schema registry at "
              + apiUrl
              + " is unavailable while "
              + action
              + ": "
              + answer.describe(),
          null);
    }
    return answer;
  }

  /** What went wrong on the wire, in words: the JDK's exceptions often carry no message. */
  private static String describe(IOException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "unknown host (UnknownHostException: " + t.getMessage() + ")";
      }
    }
    return switch (failure) {
      case HttpConnectTimeoutException e ->
          "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
      case HttpTimeoutException e -> "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
      case ConnectException e -> "cannot connect (" + RegistryFailures.rootMessage(e) + ")";
      default -> RegistryFailures.rootMessage(failure);
    };
  }

  /**
   * A subject name as one path segment: percent-encoded except RFC 3986's unreserved characters
   * (every Kafka topic name is made of those).
   */
  static String segment(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }

  /** An answer, with the Confluent error body ({@code error_code}, {@code message}) if any. */
  private final class Response {
    private final int status;
    private final String text;
    private final JsonNode json;

    Response(int status, String text) {
      this.status = status;
      this.text = text == null ? "" : text;
      this.json = parse(this.text);
    }

    int status() {
      return status;
    }

    int errorCode() {
      return json.path("error_code").asInt(NO_ERROR_CODE);
    }

    String message() {
      String message = json.path("message").asText("");
      if (!message.isEmpty()) {
        return message;
      }
      return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    String describe() {
      int code = errorCode();
      String message = message();
      return "HTTP "
          + status
          + (message.isEmpty() ? "" : " " + message)
          + (code == NO_ERROR_CODE ? "" : " (error_code " + code + ")");
    }

    /**
     * A 404 carrying a Confluent error code (subject, version or schema not found). A 404 without
     * one comes from a server that does not serve the API at this URL at all.
     */
    boolean isNotFound(String action) {
      if (status != 404) {
        return false;
      }
      if (errorCode() == NO_ERROR_CODE) {
        throw new SchemaRegistryException(
            "no Confluent-compatible schema registry API at "
                + apiUrl
                + " ("
                + describe()
                + " while "
                + action
                + "): check "
                + RegistrySettings.URL
                + " (Apicurio serves this API at "
                + SchemaRegistryApi.APICURIO_CCOMPAT_PATH
                + ") or "
                + RegistrySettings.API);
      }
      return true;
    }

    JsonNode expectOk(String action) {
      if (status / 100 == 2) {
        return json;
      }
      if (status == 404) {
        isNotFound(action); // throws when no registry API answered
      }
      throw new SchemaRegistryException(
          "schema registry at " + apiUrl + " failed while " + action + ": " + describe());
    }

    private JsonNode parse(String body) {
      if (body.isBlank()) {
        return JSON.createObjectNode();
      }
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException notJson) {
        return JSON.createObjectNode();
      }
    }
  }
}
