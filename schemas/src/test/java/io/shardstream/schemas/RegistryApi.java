package io.shardstream.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardstream.devstack.RegistryEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The registry's REST APIs, called directly: tests check what the serdes did through a client that
 * shares no code with them.
 */
public final class RegistryApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final RegistryEndpoint registry;

  public RegistryApi(RegistryEndpoint registry) {
    this.registry = registry;
  }

  /** GET on the core v3 API ({@code path} after /apis/registry/v3). */
  public JsonNode core(String path) {
    return get(URI.create(registry.coreApiUrl() + path));
  }

  /** GET on the Confluent-compatible API ({@code path} after /apis/ccompat/v7). */
  public JsonNode ccompat(String path) {
    return get(URI.create(registry.ccompatUrl() + path));
  }

  /** Creates an artifact with one version and no rules, as another team's tool might. */
  public void createBareArtifact(String artifactId, String schema) {
    var body = JSON.createObjectNode().put("artifactId", artifactId).put("artifactType", "AVRO");
    body.putObject("firstVersion")
        .putObject("content")
        .put("content", schema)
        .put("contentType", "application/json");
    send(
        HttpRequest.newBuilder(URI.create(registry.coreApiUrl() + "/groups/default/artifacts"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  /** PUT of a JSON body on the core v3 API. */
  public JsonNode put(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(registry.coreApiUrl() + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** PUT of a JSON body on the Confluent-compatible API. */
  public JsonNode ccompatPut(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + path))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static JsonNode get(URI uri) {
    return send(HttpRequest.newBuilder(uri).header("Accept", "application/json").GET().build());
  }

  private static JsonNode send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri()
                + " -> "
                + response.statusCode()
                + " "
                + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
