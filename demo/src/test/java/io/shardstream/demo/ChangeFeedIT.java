package io.shardstream.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.queryapi.testing.SseStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /v1/changes} end to end on the real parts: change events into Kafka (registry framing),
 * the demo's writer (exactly-once Kafka Streams, DynamoDB Local), its change feed, the query API's
 * read_committed consumer, and real HTTP server-sent events.
 */
@ExtendWith(DevStackExtension.class)
class ChangeFeedIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Small, so that a client can fall behind it within a test. */
  private static final int BUFFER = 40;

  /** How long to wait for one event: generous; a working feed answers in about a second. */
  private static final Duration EVENT_WAIT = Duration.ofSeconds(60);

  @TempDir static Path data;
  private static LiveChangesStack stack;

  @BeforeAll
  static void start(KafkaEndpoint kafka, DynamoDbEndpoint dynamoDb, RegistryEndpoint registry) {
    stack =
        LiveChangesStack.start(
            "changefeed-it",
            data,
            kafka,
            dynamoDb,
            registry,
            Map.of("changes.buffer", Integer.toString(BUFFER), "changes.keep-alive", "1s"));
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  private static SseStream open(String lastEventId) {
    Map<String, String> headers =
        lastEventId == null ? Map.of() : Map.of("Last-Event-ID", lastEventId);
    SseStream stream = SseStream.open(stack.queryApi().resolve("/v1/changes"), headers);
    assertThat(stream.status()).isEqualTo(200);
    return stream;
  }

  private static SseStream.Event next(SseStream stream) throws InterruptedException {
    SseStream.Event event = stream.next(EVENT_WAIT);
    assertThat(event).as("an event within " + EVENT_WAIT).isNotNull();
    assertThat(SseStream.isEnd(event)).as("the stream is still open").isFalse();
    return event;
  }

  /** Reads change events until {@code count} arrived. */
  private static List<SseStream.Event> changes(SseStream stream, int count)
      throws InterruptedException {
    List<SseStream.Event> changes = new ArrayList<>();
    while (changes.size() < count) {
      SseStream.Event event = next(stream);
      if (event.type().equals("change")) {
        changes.add(event);
      }
    }
    return changes;
  }

  /**
   * The next change of an item whose id starts with {@code prefix} (changes of earlier tests that
   * were still on their way are passed over).
   */
  private static SseStream.Event nextOf(SseStream stream, String prefix) throws Exception {
    while (true) {
      SseStream.Event change = changes(stream, 1).get(0);
      if (data(change).get("id").asText().startsWith(prefix)) {
        return change;
      }
    }
  }

  private static JsonNode data(SseStream.Event event) throws Exception {
    return JSON.readTree(event.data());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(stack.queryApi().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aChangeArrivesOnlyOnceTheTableHasItAndWithinAboutASecond() throws Exception {
    List<Long> latencies = new ArrayList<>();
    try (SseStream stream = open(null)) {
      assertThat(next(stream).type()).isEqualTo("ready");
      for (int i = 0; i < 10; i++) {
        String userId = "latency-" + i;
        long sent = System.nanoTime();
        stack.upsertUser(userId, "b-1", "Lia", "Novak", 1);
        JsonNode change = data(nextOf(stream, userId));
        latencies.add((System.nanoTime() - sent) / 1_000_000);

        assertThat(change.get("entity").asText()).isEqualTo("user");
        assertThat(change.get("id").asText()).isEqualTo(userId);
        assertThat(change.get("op").asText()).isEqualTo("upsert");
        assertThat(change.get("binding").asText()).isEqualTo("b-1");
        assertThat(change.has("hashKey")).isFalse();
        // Durable before it is announced: the API reads it at once.
        HttpResponse<String> user = get("/v1/users/" + userId);
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
      }
    }
    latencies.sort(Long::compare);
    System.out.printf(
        "change feed: event produced -> SSE change received: median %d ms, max %d ms (%d events)%n",
        latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1), latencies.size());
  }

  @Test
  void reconnectingWithTheLastEventIdResumesWithoutLossOrRepeat() throws Exception {
    List<String> before = new ArrayList<>();
    String lastSeen;
    try (SseStream stream = open(null)) {
      assertThat(next(stream).type()).isEqualTo("ready");
      for (int i = 0; i < 8; i++) {
        stack.upsertUser("resume-" + i, "b-2", "Ode", "Maris", 1);
      }
      SseStream.Event last = null;
      for (int i = 0; i < 3; i++) {
        last = nextOf(stream, "resume-");
        before.add(data(last).get("id").asText());
      }
      lastSeen = last.id();
    }
    // While disconnected: more changes.
    for (int i = 8; i < 14; i++) {
      stack.upsertUser("resume-" + i, "b-2", "Ode", "Maris", 1);
    }
    stack.upsertUser("resume-sentinel", "b-2", "Ode", "Maris", 1);

    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 14; i++) {
      expected.add("resume-" + i);
    }
    expected.add("resume-sentinel");
    // Partitions commit apart (one writer task each), so the changes arrive in no global order:
    // read until every one of them came, failing if the stream stalls (next() waits).
    List<String> all = new ArrayList<>(before);
    try (SseStream resumed = open(lastSeen)) {
      SseStream.Event ready = next(resumed);
      assertThat(ready.type()).isEqualTo("ready");
      assertThat(ready.id()).isEqualTo(lastSeen);
      while (!new HashSet<>(all).containsAll(expected)) {
        all.add(data(nextOf(resumed, "resume-")).get("id").asText());
      }
    }

    assertThat(all).doesNotHaveDuplicates();
    assertThat(new HashSet<>(all)).isEqualTo(expected);
  }

  @Test
  void aClientTooFarBehindGetsAResetAndTheEndThenStartsAfresh() throws Exception {
    String oldPosition;
    try (SseStream stream = open(null)) {
      oldPosition = next(stream).id();
    }
    // More than the server keeps, while this client is away.
    for (int i = 0; i < BUFFER + 10; i++) {
      stack.upsertUser("behind-" + i, "b-3", "Ivo", "Rast", 1);
    }
    // Once every one of them streamed to a client that starts now (from the server's warm buffer
    // or live), more than BUFFER changes came after the old position: it is no longer covered.
    Set<String> behind = new HashSet<>();
    try (SseStream caughtUp = open(oldPosition)) {
      next(caughtUp); // ready (the old position is still covered until they arrive)
      while (behind.size() < BUFFER + 10) {
        SseStream.Event event = next(caughtUp);
        if (event.type().equals("reset")) {
          break; // they arrived faster than this client read: covered no more, as wanted
        }
        if (event.type().equals("change") && data(event).get("id").asText().startsWith("behind-")) {
          behind.add(data(event).get("id").asText());
        }
      }
    }

    try (SseStream late = open(oldPosition)) {
      SseStream.Event reset = next(late);
      assertThat(reset.type()).isEqualTo("reset");
      assertThat(data(reset).get("reason").asText()).isEqualTo("too-old");
      SseStream.Event end = late.next(EVENT_WAIT);
      assertThat(SseStream.isEnd(end)).as("the server closes the stream after a reset").isTrue();
    }
    try (SseStream fresh = open(null)) {
      assertThat(next(fresh).type()).isEqualTo("ready");
    }
  }

  @Test
  void withoutPositionAStreamStartsWithWhatComesNext() throws Exception {
    try (SseStream warm = open(null)) {
      next(warm);
      stack.upsertUser("earlier", "b-4", "Ada", "Fenn", 1);
      stack.upsertUser("earlier-too", "b-4", "Ada", "Fenn", 1);
      Set<String> seen = new HashSet<>();
      while (seen.size() < 2) {
        seen.add(data(nextOf(warm, "earlier")).get("id").asText());
      }
    }
    List<String> received = new ArrayList<>();
    try (SseStream stream = open(null)) {
      next(stream); // ready
      stack.upsertUser("later", "b-4", "Ada", "Fenn", 1);
      while (!received.contains("later")) {
        received.add(data(changes(stream, 1).get(0)).get("id").asText());
      }
    }
    // What the feed had before the stream started is not repeated to it.
    assertThat(received).doesNotContain("earlier", "earlier-too");
    assertThat(get("/v1/users/later").statusCode()).isEqualTo(200);
    URI changes = stack.queryApi().resolve("/v1/changes?since=1");
    assertThat(
            HTTP.send(HttpRequest.newBuilder(changes).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(400);
  }
}
