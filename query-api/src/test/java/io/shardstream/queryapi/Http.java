package io.shardstream.queryapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** A small HTTP client for the tests: GET with query parameters and an optional API key. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client;
  private final URI base;

  Http(URI base) {
    this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
  }

  /** A client of its own (HTTPS: one that trusts the server's certificate). */
  Http(URI base, HttpClient client) {
    this.base = base;
    this.client = client;
  }

  Http(int port) {
    this(URI.create("http://localhost:" + port));
  }

  HttpClient client() {
    return client;
  }

  URI base() {
    return base;
  }

  /** A GET response with its body as JSON (null when the body is not JSON). */
  record Reply(int status, String contentType, String body, JsonNode json) {
    boolean isProblem() {
      return contentType.startsWith("application/problem+json");
    }
  }

  static String query(Map<String, String> parameters) {
    StringJoiner query = new StringJoiner("&");
    parameters.forEach((k, v) -> query.add(encode(k) + "=" + encode(v)));
    return query.toString();
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static Map<String, String> params(String... namesAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  Reply get(String path, Map<String, String> parameters, Optional<String> apiKey) {
    String query = parameters.isEmpty() ? "" : "?" + query(parameters);
    return getRaw(path + query, apiKey);
  }

  Reply get(String path, Map<String, String> parameters) {
    return get(path, parameters, Optional.empty());
  }

  Reply get(String path) {
    return get(path, Map.of(), Optional.empty());
  }

  /** A GET of a path and query already encoded. */
  Reply getRaw(String pathAndQuery, Optional<String> apiKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30));
    apiKey.ifPresent(k -> request.header("X-Api-Key", k));
    try {
      return reply(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Reply reply(HttpResponse<String> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    JsonNode json = null;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      // not JSON: left null for the test to judge
    }
    return new Reply(response.statusCode(), type, response.body(), json);
  }
}
