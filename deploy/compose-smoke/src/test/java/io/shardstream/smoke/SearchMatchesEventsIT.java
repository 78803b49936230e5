package io.shardstream.smoke;

import static org.assertj.core.api.Assertions.fail;

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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pages {@code GET /v1/users} through the query API's published port and compares the whole result,
 * in order and field by field, with {@link ExpectedUsers} of the events sent. The writer is
 * asynchronous: the search is repeated while it gets closer to the expectation, and the check fails
 * once nothing has changed for {@link #STALL} (or the page contents are wrong in a way no waiting
 * fixes: duplicates or order).
 */
class SearchMatchesEventsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STALL = Duration.ofSeconds(90);
  private static final int PAGE_SIZE = 37;

  /** Fields of the events' user state that the API returns as they are. */
  private static final List<String> FIELDS =
      List.of("userId", "beneficiaryId", "firstName", "lastName", "phone", "locale");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI api = URI.create(System.getProperty("smoke.api"));

  @Test
  void searchPagesHoldExactlyTheUsersTheEventsLeave() throws Exception {
    ExpectedUsers expected =
        ExpectedUsers.fromFiles(ExpectedUsers.filesFromProperty("smoke.events"));
    String lastDifference = null;
    long lastChange = System.nanoTime();
    while (true) {
      Search search = null;
      String difference;
      try {
        search = search();
        difference = difference(expected.users(), search.items());
      } catch (IOException slowOrRestarting) {
        difference = "the query API did not answer: " + slowOrRestarting;
      }
      if (difference == null) {
        System.out.printf(
            "SMOKE search: %d users in %d pages match the %d events sent%n",
            search.items().size(), search.pages(), expected.events());
        return;
      }
      if (!difference.equals(lastDifference)) {
        lastDifference = difference;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > STALL.toNanos()) {
        fail(
            "no progress for %d s; the search still differs from the %d events sent: %s",
            STALL.toSeconds(), expected.events(), difference);
      }
      Thread.sleep(1_000);
    }
  }

  private record Search(List<JsonNode> items, int pages) {}

  private Search search() throws IOException, InterruptedException {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String query = "limit=" + PAGE_SIZE;
      if (cursor != null) {
        query += "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
      }
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(api.resolve("/v1/users?" + query))
                  .timeout(Duration.ofSeconds(30))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        fail("GET /v1/users?%s: %d %s", query, response.statusCode(), response.body());
      }
      JsonNode page = JSON.readTree(response.body());
      page.path("items").forEach(items::add);
      pages++;
      if (page.path("items").size() != PAGE_SIZE && page.hasNonNull("nextCursor")) {
        fail(
            "page %d holds %d items, not %d, yet has a next page",
            pages, page.path("items").size(), PAGE_SIZE);
      }
      cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
    } while (cursor != null);
    return new Search(items, pages);
  }

  /** Null when the search is the expectation, else the first differences, in words. */
  private static String difference(List<JsonNode> expected, List<JsonNode> actual) {
    List<String> problems = new ArrayList<>();
    if (expected.size() != actual.size()) {
      problems.add("expected " + expected.size() + " users, the search returned " + actual.size());
    }
    Iterator<JsonNode> wanted = expected.iterator();
    Iterator<JsonNode> got = actual.iterator();
    for (int position = 1; wanted.hasNext() && got.hasNext() && problems.size() < 5; position++) {
      JsonNode want = wanted.next();
      JsonNode have = got.next();
      for (String field : FIELDS) {
        String a = want.path(field).isNull() ? "" : want.path(field).asText();
        String b = have.path(field).isNull() ? "" : have.path(field).asText();
        if (!a.equals(b)) {
          problems.add("#" + position + " " + field + ": expected '" + a + "', got '" + b + "'");
          break;
        }
      }
      for (String time : List.of("created", "updated")) {
        if (!have.hasNonNull(time)
            || ExpectedUsers.millis(want.path(time)) != ExpectedUsers.millis(have.path(time))) {
          problems.add(
              "#"
                  + position
                  + " ("
                  + want.path("userId").asText()
                  + ") "
                  + time
                  + " differs: "
                  + Map.of("expected", want.path(time), "got", have.path(time)));
        }
      }
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }
}
