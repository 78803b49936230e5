package io.shardstream.queryapi.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Asks one writer's ops server whether it is ready ({@code GET /health/ready}: 200 with every check
 * up, 503 with the failing ones), as a load balancer would.
 */
final class WriterProbe {
  static final String READY_PATH = "/health/ready";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Duration timeout;

  WriterProbe(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  WriterReadiness probe(URI writer) {
    String url = writer + READY_PATH;
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body = parse(response.body());
      JsonNode checks = body == null ? null : body.get("checks");
      boolean ready = response.statusCode() == 200;
      return new WriterReadiness(
          writer.toString(),
          ready,
          checks,
          ready || checks != null ? null : "HTTP " + response.statusCode() + " from " + url);
    } catch (HttpTimeoutException e) {
      return new WriterReadiness(
          writer.toString(), false, null, "no answer from " + url + " within " + timeout);
    } catch (IOException e) {
      return new WriterReadiness(
          writer.toString(), false, null, "cannot reach " + url + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new WriterReadiness(writer.toString(), false, null, "interrupted");
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
