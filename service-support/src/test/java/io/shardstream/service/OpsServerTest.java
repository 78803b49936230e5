package io.shardstream.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Real HTTP against the ops server. */
class OpsServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(OpsServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesHealthMetricsAndProblemsForUnknownRoutes() throws Exception {
    PrometheusMeterRegistry registry = Metrics.newRegistry("test");
    registry.counter("shardstream.events", "outcome", "applied").increment(3);
    AtomicBoolean ready = new AtomicBoolean(false);
    Map<String, HealthCheck> checks = new LinkedHashMap<>();
    checks.put(
        "table",
        () ->
            ready.get()
                ? HealthCheck.Result.up("ACTIVE")
                : HealthCheck.Result.down("table missing"));
    checks.put("broken", () -> HealthCheck.Result.up("fine"));
    try (OpsServer server = OpsServer.start("localhost", 0, registry, checks)) {
      assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);
      HttpResponse<String> notReady = get(server, "/health/ready");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).contains("\"status\":\"DOWN\"").contains("table missing");
      ready.set(true);
      assertThat(get(server, "/health/ready").statusCode()).isEqualTo(200);

      HttpResponse<String> metrics = get(server, "/metrics");
      assertThat(metrics.body())
          .contains("shardstream_events_total{outcome=\"applied\",service=\"test\"} 3.0")
          .contains("jvm_memory_used_bytes");

      HttpResponse<String> missing = get(server, "/nope");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(missing.body()).contains("\"status\":404").contains("\"title\":\"Not Found\"");
    }
  }
}
