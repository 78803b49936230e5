package io.shardstream.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of the query API as a well-behaved caller writes it: a refused connection, a reset or a
 * 503 is retried after a short pause (the instance is restarting or DynamoDB is busy); any other
 * answer than 200 is a wrong answer, counted and not retried.
 */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

  /** Attempts on one request before giving up: minutes, far beyond a restart. */
  private static final int MAX_ATTEMPTS = 900;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong wrongAnswers = new AtomicLong();
  private volatile long lastSuccessNanos;

  /** The status of one GET, -1 when nothing answers. */
  public int status(URI uri) {
    try {
      return http.send(get(uri), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** A 200 answer's body, retrying refused connections and 503s. */
  JsonNode fetch(URI uri) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      requests.incrementAndGet();
      int status;
      String body;
      try {
        HttpResponse<String> response = http.send(get(uri), HttpResponse.BodyHandlers.ofString());
        status = response.statusCode();
        body = response.body();
      } catch (IOException e) {
        status = -1;
        body = e.toString();
      }
      if (status == 200) {
        lastSuccessNanos = System.nanoTime();
        try {
          return JSON.readTree(body);
        } catch (IOException e) {
          wrongAnswers.incrementAndGet();
          throw new IllegalStateException("not JSON from " + uri + ": " + body, e);
        }
      }
      if (status != -1 && status != 503) {
        wrongAnswers.incrementAndGet();
        throw new IllegalStateException(uri + " answered " + status + ": " + body);
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw new IllegalStateException(uri + " did not answer after " + attempt + " attempts");
      }
      retries.incrementAndGet();
      Thread.sleep(RETRY_PAUSE);
    }
  }

  /**
   * Every user, page after page ({@code GET /v1/users}, by created then userId), following the
   * cursors; {@code afterPage} runs after each page (a scenario strikes there).
   */
  List<String> walkUsers(URI base, int limit, PageHook afterPage) throws InterruptedException {
    List<String> userIds = new ArrayList<>();
    String cursor = null;
    int page = 0;
    do {
      String query = "/v1/users?limit=" + limit;
      if (cursor != null) {
        query += "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
      }
      JsonNode body = fetch(base.resolve(query));
      body.get("items").forEach(item -> userIds.add(item.get("userId").asText()));
      JsonNode next = body.get("nextCursor");
      cursor = next == null || next.isNull() ? null : next.asText();
      afterPage.after(++page);
    } while (cursor != null);
    return userIds;
  }

  /** Runs after a page of a walk. */
  @FunctionalInterface
  interface PageHook {
    void after(int page) throws InterruptedException;
  }

  long requests() {
    return requests.get();
  }

  long retries() {
    return retries.get();
  }

  long wrongAnswers() {
    return wrongAnswers.get();
  }

  long lastSuccessNanos() {
    return lastSuccessNanos;
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
  }
}
