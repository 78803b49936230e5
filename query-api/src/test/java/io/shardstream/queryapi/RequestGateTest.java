package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.shardstream.core.query.CursorCodec;
import io.shardstream.core.query.InMemoryPartitionReader;
import io.shardstream.core.testing.SeedUsers;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.queryapi.Http.Reply;
import io.shardstream.service.HealthCheck;
import io.shardstream.service.Metrics;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bounded concurrency: an instance with {@code query.requests.max} lookups in progress answers the
 * next one 429 with {@code Retry-After} and problem+json, counts it, keeps its health and metrics
 * routes reachable, and takes requests again once places are free.
 */
class RequestGateTest {
  private static final int PLACES = 2;

  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger lookupsInProgress = new AtomicInteger();
  private final PrometheusMeterRegistry registry = Metrics.newRegistry("test");
  private Javalin app;
  private Http http;

  @AfterEach
  void stop() {
    release.countDown();
    if (app != null) {
      app.stop();
    }
  }

  /** A server whose lookups hold their place until {@link #release} opens. */
  private void start(Duration wait) {
    ItemLookup blocking =
        candidates -> {
          lookupsInProgress.incrementAndGet();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            lookupsInProgress.decrementAndGet();
          }
          return Optional.empty();
        };
    QueryBackend backend =
        new QueryBackend(
            SeedUsers.MANAGER,
            new InMemoryPartitionReader(SeedUsers.CONFIG, List.of(), true),
            blocking,
            Runnable::run,
            () -> HealthCheck.Result.up("in memory"),
            () -> 0);
    app =
        QueryApi.create(
            backend,
            new CursorCodec(CursorKeys.TEST),
            ApiKeys.NONE,
            10,
            new Admission(PLACES, wait, 64),
            registry);
    app.start("localhost", 0);
    http = new Http(app.port());
  }

  private CompletableFuture<HttpResponse<String>> lookupAsync(String userId) {
    return http.client()
        .sendAsync(
            HttpRequest.newBuilder(URI.create(http.base() + "/v1/users/" + userId)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private List<CompletableFuture<HttpResponse<String>>> fillEveryPlace() {
    List<CompletableFuture<HttpResponse<String>>> holding = new ArrayList<>();
    for (int i = 0; i < PLACES; i++) {
      holding.add(lookupAsync("u-" + i));
    }
    ProgressWait.until(PLACES + " lookups in progress", () -> lookupsInProgress.get() == PLACES)
        .progress("lookups in progress", lookupsInProgress::get)
        .await();
    return holding;
  }

  private double rejected() {
    return registry.get(RequestGate.REJECTED).counter().count();
  }

  @Test
  void answersTheRequestBeyondTheLimit429WithRetryAfterAndCountsIt() throws Exception {
    start(Duration.ZERO);
    List<CompletableFuture<HttpResponse<String>>> holding = fillEveryPlace();

    HttpResponse<String> refused = lookupAsync("u-x").get();

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).contains("1");
    Reply problem = Http.reply(refused);
    assertThat(problem.isProblem()).as(problem.contentType()).isTrue();
    assertThat(problem.json().get("status").asInt()).isEqualTo(429);
    assertThat(problem.json().get("title").asText()).isEqualTo("Too Many Requests");
    assertThat(rejected()).isEqualTo(1.0);
    assertThat(registry.get(RequestGate.IN_PROGRESS).gauge().value()).isEqualTo(PLACES);
    // Operations stay reachable while the API is full.
    assertThat(http.get("/health/live").status()).isEqualTo(200);
    Reply metrics = http.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern("shardstream_query_requests_rejected_total\\{[^}]*} 1\\.0");
    assertThat(http.get(QueryApi.OPENAPI_PATH).status()).isEqualTo(200);

    release.countDown();
    for (CompletableFuture<HttpResponse<String>> lookup : holding) {
      // Answered in full (404: the in-memory table is empty), not refused.
      assertThat(lookup.get().statusCode()).isEqualTo(404);
    }
  }

  @Test
  void requestsWithinTheLimitPassAndGiveTheirPlaceBackWhateverTheAnswer() {
    release.countDown();
    start(Duration.ZERO);

    // Many more requests than places, one after another, answered 404, 400 and 200: each gave
    // its place back, or the third would be refused.
    for (int i = 0; i < 10 * PLACES; i++) {
      assertThat(http.get("/v1/users/u-" + i).status()).isEqualTo(404);
      assertThat(http.get("/v1/users", Map.of("limit", "0")).status()).isEqualTo(400);
      assertThat(http.get("/v1/users").status()).isEqualTo(200);
    }
    assertThat(rejected()).isZero();
    assertThat(registry.get(RequestGate.IN_PROGRESS).gauge().value()).isZero();
  }

  @Test
  void aRequestBeyondTheLimitWaitsForAPlaceWithinTheWait() throws Exception {
    start(Duration.ofSeconds(10));
    List<CompletableFuture<HttpResponse<String>>> holding = fillEveryPlace();

    CompletableFuture<HttpResponse<String>> waiting = lookupAsync("u-waiting");
    release.countDown();

    assertThat(waiting.get().statusCode()).isEqualTo(404);
    for (CompletableFuture<HttpResponse<String>> lookup : holding) {
      assertThat(lookup.get().statusCode()).isEqualTo(404);
    }
    assertThat(rejected()).isZero();
  }
}
