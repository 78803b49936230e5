package io.shardstream.queryapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.shardstream.queryapi.changes.ChangeBuffer;
import io.shardstream.queryapi.changes.ChangeFeedSettings;
import io.shardstream.queryapi.changes.ChangePosition;
import io.shardstream.schemas.changes.AppliedChange;
import io.shardstream.schemas.changes.AppliedChangeJson;
import io.shardstream.service.Problem;
import io.shardstream.service.ProblemException;
import io.shardstream.service.Settings;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/changes}: the tables' changes as server-sent events, as the writer applies them
 * (query-api/README.md, "Live changes").
 *
 * <p>Each stream runs on its request's own virtual thread, reading the server's shared {@link
 * ChangeBuffer} through its own cursor: no platform thread is held, no per-client buffer grows, and
 * a stream ends when the client goes (its write fails; an idle one is probed by the keep-alive
 * comments), when it falls more than {@code changes.buffer} changes behind (a final {@code reset}
 * event), or when the server stops. At most {@code changes.max-streams} run at once.
 */
final class ChangeRoutes {
  static final String PATH = "/v1/changes";
  static final String LAST_EVENT_ID = "Last-Event-ID";
  static final String RETRY_AFTER_SECONDS = "5";

  /** How long a new stream waits for the feed's consumer to start before answering 503. */
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(10);

  /** What EventSource waits before it reconnects. */
  private static final long RECONNECT_MILLIS = 2_000;

  private static final int BATCH = 200;
  private static final Logger LOG = LoggerFactory.getLogger(ChangeRoutes.class);

  private final Optional<ChangeBuffer> buffer;
  private final ChangeFeedSettings settings;
  private final ChangeVisibility visibility;
  private final Semaphore streams;

  /**
   * @param buffer the feed's buffer; empty when the API runs without Kafka
   */
  ChangeRoutes(
      Optional<ChangeBuffer> buffer, ChangeFeedSettings settings, ChangeVisibility visibility) {
    this.buffer = buffer;
    this.settings = settings;
    this.visibility = visibility;
    this.streams = new Semaphore(settings.maxStreams());
  }

  void install(RoutesConfig routes) {
    routes.get(PATH, this::stream);
  }

  /** Streams open now (metrics). */
  int open() {
    return settings.maxStreams() - streams.availablePermits();
  }

  private void stream(Context ctx) throws InterruptedException {
    Caller caller = ApiKeyAuth.caller(ctx);
    if (!ctx.queryParamMap().isEmpty()) {
      throw Problems.invalidParameters(
          ctx.queryParamMap().keySet().stream()
              .sorted()
              .map(name -> new ParameterError(name, "is not a parameter of " + PATH))
              .toList());
    }
    Optional<ChangePosition> after = lastEventId(ctx);
    ChangeBuffer feed = buffer.orElseThrow(ChangeRoutes::feedOff);
    if (!streams.tryAcquire()) {
      ctx.header("Retry-After", RETRY_AFTER_SECONDS);
      throw new ProblemException(
          Problem.of(
              429,
              "Too Many Requests",
              "this instance serves "
                  + settings.maxStreams()
                  + " change streams already (changes.max-streams); retry later"));
    }
    try {
      if (!feed.awaitStarted(STARTUP_WAIT)) {
        ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        throw new ProblemException(
            Problem.of(
                503,
                "Service Unavailable",
                "the change feed is not connected yet (Kafka unreachable, or topic '"
                    + settings.topic()
                    + "' not created by the writer yet); retry"));
      }
      Optional<ChangeBuffer.Cursor> cursor =
          after.isPresent() ? feed.resume(after.get()) : Optional.of(feed.live());
      serve(ctx, feed, cursor, caller);
    } finally {
      streams.release();
    }
  }

  private static ProblemException feedOff() {
    return new ProblemException(
        Problem.of(
            503,
            "Service Unavailable",
            "live changes are off on this server: set "
                + ChangeFeedSettings.BOOTSTRAP.key()
                + " ("
                + Settings.envName(ChangeFeedSettings.BOOTSTRAP.key())
                + ") to the Kafka brokers the writer uses"));
  }

  private static Optional<ChangePosition> lastEventId(Context ctx) {
    String id = ctx.header(LAST_EVENT_ID);
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ChangePosition.parse(id.trim()));
    } catch (IllegalArgumentException e) {
      throw Problems.invalidParameter(LAST_EVENT_ID, e.getMessage());
    }
  }

  private void serve(
      Context ctx, ChangeBuffer feed, Optional<ChangeBuffer.Cursor> start, Caller caller)
      throws InterruptedException {
    HttpServletResponse response = ctx.res();
    response.setStatus(200);
    response.setContentType("text/event-stream;charset=utf-8");
    response.setHeader("Cache-Control", "no-cache");
    // Reverse proxies (nginx) would otherwise buffer the stream.
    response.setHeader("X-Accel-Buffering", "no");
    try {
      OutputStream out = response.getOutputStream();
      if (start.isEmpty()) {
        send(out, reset("too-old", "the changes after Last-Event-ID are no longer kept"));
        return;
      }
      ChangeBuffer.Cursor cursor = start.get();
      // A first event with the position now: a client that reconnects before any change resumes
      // from here, not from the live end then.
      send(
          out,
          "retry: "
              + RECONNECT_MILLIS
              + "\nid: "
              + cursor.position().text()
              + "\nevent: ready\ndata: {}\n\n");
      while (true) {
        switch (feed.read(cursor, BATCH, settings.keepAlive())) {
          case ChangeBuffer.Read.Changes changes -> {
            if (changes.deliveries().isEmpty()) {
              send(out, ": keep-alive\n\n");
            } else {
              send(out, events(changes.deliveries(), caller));
            }
          }
          case ChangeBuffer.Read.FellBehind behind -> {
            send(
                out,
                reset(
                    "fell-behind",
                    "this stream fell more than "
                        + feed.capacity()
                        + " changes behind (changes.buffer)"));
            return;
          }
          case ChangeBuffer.Read.Closed closed -> {
            return;
          }
        }
      }
    } catch (IOException e) {
      LOG.debug("change stream ended: {}", e.toString()); // the client went away
    }
  }

  private String events(List<ChangeBuffer.Delivery> deliveries, Caller caller) {
    StringBuilder text = new StringBuilder();
    for (ChangeBuffer.Delivery delivery : deliveries) {
      if (visibility.visible(delivery, caller)) {
        text.append("id: ")
            .append(delivery.after().text())
            .append("\nevent: change\ndata: ")
            .append(AppliedChangeJson.toJson(withoutKeys(delivery.change())))
            .append("\n\n");
      }
    }
    return text.isEmpty() ? ": keep-alive\n\n" : text.toString();
  }

  /** What a client sees: like the API's items, no table keys. */
  static AppliedChange withoutKeys(AppliedChange change) {
    return new AppliedChange(
        change.entity(),
        change.id(),
        change.op(),
        change.version(),
        change.parentEntity(),
        change.parentId(),
        change.binding(),
        change.timestamp(),
        null,
        null,
        change.cause(),
        change.eventId(),
        change.eventTime(),
        null);
  }

  /** The last event of a stream that cannot go on: start again without Last-Event-ID. */
  static String reset(String reason, String detail) {
    return "event: reset\ndata: {\"reason\":\""
        + reason
        + "\",\"detail\":\""
        + detail
        + ": reload, then reconnect without Last-Event-ID\"}\n\n";
  }

  private static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
