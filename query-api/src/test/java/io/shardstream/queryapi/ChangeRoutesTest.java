package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.shardstream.core.query.CursorCodec;
import io.shardstream.core.testing.SeedUsers;
import io.shardstream.queryapi.changes.ChangeBuffer;
import io.shardstream.queryapi.changes.ChangeFeedSettings;
import io.shardstream.queryapi.ops.Operations;
import io.shardstream.queryapi.testing.SseStream;
import io.shardstream.schemas.changes.AppliedChange;
import io.shardstream.service.Metrics;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/changes} over real HTTP on a buffer the test feeds itself (no Kafka: {@code
 * ChangeFeedIT} runs it on the real writer and broker).
 */
class ChangeRoutesTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final long CREATED = SeedUsers.BUMP_16 + 1;

  private final List<Javalin> apps = new ArrayList<>();
  private final List<SseStream> streams = new ArrayList<>();

  @AfterEach
  void stop() {
    streams.forEach(SseStream::close);
    apps.forEach(Javalin::stop);
  }

  private URI start(Optional<ChangeBuffer> feed, ChangeFeedSettings settings, ApiKeys keys) {
    List<Map<String, Object>> items =
        List.of(
            SeedUsers.user("u-1", "b-1", "Ana", "Lee", null, CREATED, CREATED),
            SeedUsers.user("u-2", "b-2", "Bo", "Kim", null, CREATED, CREATED));
    QueryMetrics metrics = new QueryMetrics(Metrics.newRegistry("test"), () -> 0);
    ServedTable served =
        ServedTable.of(
            "(test)", InMemoryBackend.of(items), new CursorCodec(CursorKeys.TEST), metrics);
    Javalin app =
        QueryApi.create(
            new ActiveTable(served),
            keys,
            25,
            Admission.DEFAULT,
            Metrics.newRegistry("test"),
            config -> {},
            Operations.none(),
            feed,
            settings);
    app.start("localhost", 0);
    apps.add(app);
    return URI.create("http://localhost:" + app.port() + ChangeRoutes.PATH);
  }

  private SseStream open(URI uri, Map<String, String> headers) {
    SseStream stream = SseStream.open(uri, headers);
    streams.add(stream);
    return stream;
  }

  private static ChangeBuffer startedBuffer(int capacity) {
    ChangeBuffer buffer = new ChangeBuffer(capacity);
    buffer.start(new long[] {0, 0}, new long[] {0, 0});
    return buffer;
  }

  private static ChangeFeedSettings settings(int buffer, int maxStreams) {
    return ChangeFeedSettings.NONE
        .withKafka(Map.of("bootstrap.servers", "unused:9092"))
        .withBounds(buffer, maxStreams, Duration.ofMillis(200));
  }

  private static ChangeBuffer.Entry user(int partition, long offset, String id, String bene) {
    return new ChangeBuffer.Entry(
        partition,
        offset,
        new AppliedChange(
            "user",
            id,
            "upsert",
            offset + 1,
            null,
            null,
            bene,
            CREATED,
            "hk",
            "rk",
            "event",
            null,
            1L,
            "v"));
  }

  private static ChangeBuffer.Entry email(int partition, long offset, String email, String user) {
    return new ChangeBuffer.Entry(
        partition,
        offset,
        new AppliedChange(
            "email", email, "upsert", 1, "user", user, null, CREATED, "hk", "rk", "event", null, 1L,
            "v"));
  }

  private static SseStream.Event nextEvent(SseStream stream) throws InterruptedException {
    SseStream.Event event = stream.next(WAIT);
    assertThat(event).as("an event within " + WAIT).isNotNull();
    return event;
  }

  @Test
  void withoutKafkaItIsA503NamingTheSetting() throws Exception {
    URI uri = start(Optional.empty(), ChangeFeedSettings.NONE, ApiKeys.NONE);
    SseStream stream = open(uri, Map.of());

    assertThat(stream.status()).isEqualTo(503);
    assertThat(stream.header("Content-Type")).startsWith("application/problem+json");
    assertThat(stream.body())
        .contains("kafka.bootstrap.servers")
        .contains("SHARDSTREAM_KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void streamsChangesWithoutKeysAndResumesAfterTheLastEventId() throws Exception {
    ChangeBuffer buffer = startedBuffer(100);
    URI uri = start(Optional.of(buffer), settings(100, 10), ApiKeys.NONE);
    SseStream stream = open(uri, Map.of());
    assertThat(stream.status()).isEqualTo(200);
    assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
    SseStream.Event ready = nextEvent(stream);
    assertThat(ready.type()).isEqualTo("ready");
    assertThat(ready.id()).isEqualTo("1.0.0");

    buffer.append(List.of(user(0, 0, "u-1", "b-1"), user(1, 0, "u-2", "b-2")));
    SseStream.Event first = nextEvent(stream);
    SseStream.Event second = nextEvent(stream);
    assertThat(first.type()).isEqualTo("change");
    assertThat(first.data()).contains("\"id\":\"u-1\"").doesNotContain("hashKey", "rk");
    assertThat(first.id()).isEqualTo("1.1.0");
    assertThat(second.id()).isEqualTo("1.1.1");
    stream.close();

    buffer.append(List.of(user(0, 1, "u-1", "b-1"), user(0, 2, "u-1", "b-1")));
    SseStream resumed = open(uri, Map.of(ChangeRoutes.LAST_EVENT_ID, first.id()));
    assertThat(nextEvent(resumed).type()).isEqualTo("ready");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(nextEvent(resumed).id());
    }
    // u-2 (partition 1), then the two later u-1 changes: nothing lost, nothing repeated.
    assertThat(ids).containsExactly("1.1.1", "1.2.1", "1.3.1");
    SseStream.Event idle = resumed.next(Duration.ofMillis(700));
    assertThat(idle).isNull();
    assertThat(resumed.comments()).isPositive(); // keep-alive comments while idle
  }

  @Test
  void aKeyBoundToABeneficiaryGetsOnlyItsUsersAndTheirEmails() throws Exception {
    ChangeBuffer buffer = startedBuffer(100);
    URI uri = start(Optional.of(buffer), settings(100, 10), ApiKeys.parse("all,bound:b-1"));
    assertThat(open(uri, Map.of()).status()).isEqualTo(401);
    SseStream bound = open(uri, Map.of(ApiKeyAuth.HEADER, "bound"));
    SseStream all = open(uri, Map.of(ApiKeyAuth.HEADER, "all"));
    nextEvent(bound);
    nextEvent(all);

    buffer.append(
        List.of(
            user(0, 0, "u-2", "b-2"),
            email(1, 0, "two@example.com", "u-2"),
            email(1, 1, "one@example.com", "u-1"), // owner looked up in the table: b-1
            email(1, 2, "ghost@example.com", "u-gone"), // owner unknown: withheld
            user(0, 1, "u-1", "b-1")));

    assertThat(nextEvent(bound).data()).contains("one@example.com");
    SseStream.Event user = nextEvent(bound);
    assertThat(user.data()).contains("\"id\":\"u-1\"");
    assertThat(user.id()).isEqualTo("1.2.3");
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      seen.add(nextEvent(all).data());
    }
    assertThat(seen).hasSize(5);
  }

  @Test
  void aLastEventIdOlderThanWhatIsKeptGetsAResetAndTheEnd() throws Exception {
    ChangeBuffer buffer = startedBuffer(10);
    URI uri = start(Optional.of(buffer), settings(10, 10), ApiKeys.NONE);
    List<ChangeBuffer.Entry> many = new ArrayList<>();
    for (int offset = 0; offset < 25; offset++) {
      many.add(user(0, offset, "u-1", "b-1"));
    }
    buffer.append(many);

    SseStream stream = open(uri, Map.of(ChangeRoutes.LAST_EVENT_ID, "1.3.0"));

    SseStream.Event reset = nextEvent(stream);
    assertThat(reset.type()).isEqualTo("reset");
    assertThat(reset.data()).contains("\"reason\":\"too-old\"");
    assertThat(SseStream.isEnd(nextEvent(stream))).isTrue();
  }

  @Test
  void aConnectedClientThatFallsFurtherBehindThanTheBufferGetsAResetAndTheEnd() throws Exception {
    ChangeBuffer buffer = startedBuffer(10);
    URI uri = start(Optional.of(buffer), settings(10, 10), ApiKeys.NONE);
    SseStream stream = open(uri, Map.of());
    assertThat(nextEvent(stream).type()).isEqualTo("ready");

    // More changes at once than the server keeps: this stream's next ones are gone.
    List<ChangeBuffer.Entry> burst = new ArrayList<>();
    for (int offset = 0; offset < 25; offset++) {
      burst.add(user(0, offset, "u-1", "b-1"));
    }
    buffer.append(burst);

    SseStream.Event reset = nextEvent(stream);
    assertThat(reset.type()).isEqualTo("reset");
    assertThat(reset.data()).contains("\"reason\":\"fell-behind\"");
    assertThat(SseStream.isEnd(nextEvent(stream))).isTrue();
  }

  @Test
  void aBadLastEventIdIsA400NamingTheHeaderAndQueryParametersAreRefused() throws Exception {
    URI uri = start(Optional.of(startedBuffer(10)), settings(10, 10), ApiKeys.NONE);

    SseStream bad = open(uri, Map.of(ChangeRoutes.LAST_EVENT_ID, "yesterday"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("Last-Event-ID").contains("is not a position");

    SseStream param = open(URI.create(uri + "?since=5"), Map.of());
    assertThat(param.status()).isEqualTo(400);
    assertThat(param.body()).contains("since");
  }

  @Test
  void beyondTheMaximumOfStreamsItIsA429WithRetryAfter() throws Exception {
    URI uri = start(Optional.of(startedBuffer(10)), settings(10, 2), ApiKeys.NONE);
    SseStream one = open(uri, Map.of());
    SseStream two = open(uri, Map.of());
    nextEvent(one);
    nextEvent(two);

    SseStream three = open(uri, Map.of());
    assertThat(three.status()).isEqualTo(429);
    assertThat(three.header("Retry-After")).isEqualTo(ChangeRoutes.RETRY_AFTER_SECONDS);
    assertThat(three.body()).contains("changes.max-streams");

    one.close();
    // The closed stream's slot is given back once the server notices (its next write fails).
    SseStream again = null;
    for (int attempt = 0; attempt < 100; attempt++) {
      again = open(uri, Map.of());
      if (again.status() == 200) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(again.status()).isEqualTo(200);
  }
}
