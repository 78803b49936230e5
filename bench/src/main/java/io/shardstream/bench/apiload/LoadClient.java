package io.shardstream.bench.apiload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardstream.schemas.avro.User;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * One client of the load: a loop of searches ({@code GET /v1/users} by created window, by name, by
 * beneficiary, by updated), follow-up pages of its last search ({@code cursor}), lookups of users
 * the writer wrote ({@code GET /v1/users/{id}}) and of their emails, until stopped. A 429 is
 * retried after its {@code Retry-After}; every other answer is checked: a page must be well formed
 * (at most {@code limit} items, in the order and within the filters asked for, continuing the
 * previous page), a lookup must return the user as written last.
 */
final class LoadClient implements Runnable {
  static final int PAGE = 25;
  private static final long DAY = 86_400_000L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final URI base;
  private final List<User> users;
  private final Map<String, User> byId;
  private final long createdMin;
  private final long createdMax;
  private final LoadStats stats;
  private final BooleanSupplier stopped;
  private final Random random;

  /** The search a next page continues; null when the last one had no more pages. */
  private Search pending;

  LoadClient(
      HttpClient http,
      URI base,
      List<User> users,
      Map<String, User> byId,
      LoadStats stats,
      BooleanSupplier stopped,
      long seed) {
    this.http = http;
    this.base = base;
    this.users = users;
    this.byId = byId;
    this.createdMin = users.stream().mapToLong(u -> u.getCreated().toEpochMilli()).min().orElse(0);
    this.createdMax = users.stream().mapToLong(u -> u.getCreated().toEpochMilli()).max().orElse(0);
    this.stats = stats;
    this.stopped = stopped;
    this.random = new Random(seed);
  }

  /** A search and where its last page ended. */
  private record Search(String kind, String query, String cursor, long lastSortValue) {}

  @Override
  public void run() {
    while (!stopped.getAsBoolean()) {
      try {
        next();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void next() throws InterruptedException {
    double pick = random.nextDouble();
    if (pending != null && pick < 0.25) {
      page("next-page", pending.kind(), pending.query(), pending);
    } else if (pick < 0.6) {
      lookup();
    } else if (pick < 0.7) {
      emailsOfUser();
    } else {
      search();
    }
  }

  private void search() throws InterruptedException {
    User user = anyUser();
    switch (random.nextInt(4)) {
      case 0 -> {
        long from = createdMin + (long) (random.nextDouble() * (createdMax - createdMin));
        long to = from + (1 + random.nextInt(180)) * DAY;
        page(
            "search",
            "created",
            "/v1/users?createdFrom=" + from + "&createdTo=" + to + "&limit=" + PAGE,
            null);
      }
      case 1 -> {
        String last = user.getLastName();
        String prefix = last.substring(0, Math.min(last.length(), 2 + random.nextInt(3)));
        page("search", "name", "/v1/users?name=" + encode(prefix) + "&limit=" + PAGE, null);
      }
      case 2 ->
          page(
              "search",
              "beneficiary",
              "/v1/users?beneficiaryId=" + encode(user.getBeneficiaryId()) + "&limit=" + PAGE,
              null);
      default -> page("search", "updated", "/v1/users?sort=updated&order=desc&limit=" + PAGE, null);
    }
  }

  /** A page of a search: the first, or the one after {@code after}'s cursor. */
  private void page(String operation, String kind, String query, Search after)
      throws InterruptedException {
    String path =
        after == null
            ? query
            : query + "&cursor=" + URLEncoder.encode(after.cursor(), StandardCharsets.UTF_8);
    Reply reply = get(operation, path);
    if (reply == null) {
      pending = null;
      return;
    }
    JsonNode body = reply.body();
    String problem = pageProblem(kind, query, body, after);
    if (!done(operation, reply, problem == null ? null : path + ": " + problem)) {
      pending = null;
      return;
    }
    JsonNode next = body.get("nextCursor");
    JsonNode items = body.get("items");
    long last = items.isEmpty() ? Long.MIN_VALUE : sortValue(kind, items.get(items.size() - 1));
    pending = next == null || next.isNull() ? null : new Search(kind, query, next.asText(), last);
  }

  /** What is wrong with a page, or null when it is well formed. */
  private static String pageProblem(String kind, String query, JsonNode body, Search after) {
    JsonNode items = body.get("items");
    if (items == null || !items.isArray()) {
      return "no items array";
    }
    if (items.size() > PAGE) {
      return items.size() + " items for limit " + PAGE;
    }
    JsonNode next = body.get("nextCursor");
    if (next != null && !next.isNull() && !next.isTextual()) {
      return "nextCursor is not a string";
    }
    long previous = after == null ? Long.MIN_VALUE : after.lastSortValue();
    boolean descending = kind.equals("updated");
    if (descending && after == null) {
      previous = Long.MAX_VALUE;
    }
    for (JsonNode item : items) {
      if (!item.path("userId").isTextual()) {
        return "an item without userId";
      }
      if (kind.equals("created") || kind.equals("updated")) {
        long value = sortValue(kind, item);
        if (descending ? value > previous : value < previous) {
          return "out of " + kind + " order at " + item.get("userId").asText();
        }
        previous = value;
      }
      if (kind.equals("beneficiary")
          && !query.contains("beneficiaryId=" + encode(item.path("beneficiaryId").asText()))) {
        return "user " + item.get("userId").asText() + " of another beneficiary";
      }
    }
    return null;
  }

  private static long sortValue(String kind, JsonNode item) {
    return switch (kind) {
      case "created" -> item.path("created").asLong();
      case "updated" -> item.path("updated").asLong();
      default -> 0;
    };
  }

  private void lookup() throws InterruptedException {
    User user = anyUser();
    Reply reply = get("lookup", "/v1/users/" + encode(user.getUserId()));
    if (reply == null) {
      return;
    }
    JsonNode body = reply.body();
    User written = byId.get(user.getUserId());
    boolean asWritten =
        user.getUserId().equals(body.path("userId").asText())
            && written.getLastName().equals(body.path("lastName").asText())
            && written.getCreated().toEpochMilli() == body.path("created").asLong();
    done(
        "lookup",
        reply,
        asWritten
            ? null
            : "user " + user.getUserId() + " written as " + written + ", read " + body);
  }

  private void emailsOfUser() throws InterruptedException {
    String userId = anyUser().getUserId();
    Reply reply = get("user-emails", "/v1/users/" + encode(userId) + "/emails?limit=" + PAGE);
    if (reply == null) {
      return;
    }
    JsonNode items = reply.body().get("items");
    String problem = null;
    if (items == null || !items.isArray()) {
      problem = "no items array for " + userId;
    } else {
      for (JsonNode item : items) {
        if (!userId.equals(item.path("userId").asText())) {
          problem = "an email of another user for " + userId + ": " + item;
          break;
        }
      }
    }
    done("user-emails", reply, problem);
  }

  /** Counts a checked 2xx answer: served, or a wrong answer; true when served. */
  private boolean done(String operation, Reply reply, String problem) {
    if (problem != null) {
      stats.wrongAnswer(operation, problem);
      return false;
    }
    stats.served(operation, reply.latencyNanos(), reply.endNanos());
    return true;
  }

  /** A 2xx answer's JSON body, when it came and how long it took. */
  private record Reply(JsonNode body, long latencyNanos, long endNanos) {}

  /**
   * A GET until it is not refused with 429; a 2xx with a JSON body (for the caller to check and
   * count), or null after counting what went wrong.
   */
  private Reply get(String operation, String pathAndQuery) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT).GET().build();
    while (!stopped.getAsBoolean()) {
      long start = System.nanoTime();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        stats.transportError(operation, e);
        Thread.sleep(100);
        return null;
      }
      long end = System.nanoTime();
      int status = response.statusCode();
      if (status == 429) {
        stats.rejected();
        Thread.sleep(retryAfterMillis(response));
        continue;
      }
      if (status / 100 != 2) {
        stats.failed(operation, status, response.body());
        return null;
      }
      JsonNode body;
      try {
        body = JSON.readTree(response.body());
      } catch (IOException e) {
        stats.wrongAnswer(operation, pathAndQuery + ": not JSON");
        return null;
      }
      return new Reply(body, end - start, end);
    }
    return null;
  }

  private static long retryAfterMillis(HttpResponse<?> response) {
    try {
      return Math.max(1, Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")))
          * 1000;
    } catch (NumberFormatException e) {
      return 1000;
    }
  }

  private User anyUser() {
    return users.get(random.nextInt(users.size()));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
