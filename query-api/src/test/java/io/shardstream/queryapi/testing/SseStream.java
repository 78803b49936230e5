package io.shardstream.queryapi.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent events client over real HTTP for tests: it parses the stream as the EventSource
 * specification does ({@code id:}, {@code event:}, {@code data:} lines, a blank line ends an event,
 * {@code :} lines are comments) on its own thread, and hands out the events in order.
 */
public final class SseStream implements AutoCloseable {

  /** One event; {@code id} is null when the event set none. */
  public record Event(String id, String type, String data) {}

  /** The end of the stream (the server closed it). */
  private static final Event END = new Event(null, "(end)", "");

  private final HttpClient client;
  private final HttpResponse<InputStream> response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread reader;
  private volatile int comments;

  private SseStream(HttpClient client, HttpResponse<InputStream> response) {
    this.client = client;
    this.response = response;
    // Only a stream is parsed; any other answer's body is left for body().
    this.reader =
        response.statusCode() == 200
            ? Thread.ofVirtual().name("sse-test-reader").start(this::read)
            : null;
  }

  /** Opens {@code uri} with these request headers; the status tells whether it streams. */
  public static SseStream open(URI uri, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
    headers.forEach(request::header);
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      return new SseStream(
          client, client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot open " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int status() {
    return response.statusCode();
  }

  public String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  /** Keep-alive comments received so far. */
  public int comments() {
    return comments;
  }

  /**
   * The next event, waiting at most {@code wait}; null when none came in time. After the server
   * closed the stream, an event of type {@code (end)}.
   */
  public Event next(Duration wait) throws InterruptedException {
    return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The body of a response that is not a stream (a problem). */
  public String body() throws IOException {
    return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      String type = null;
      StringBuilder data = null;
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new Event(id, type == null ? "message" : type, data.toString()));
          }
          id = null;
          type = null;
          data = null;
        } else if (line.startsWith(":")) {
          comments++;
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          type = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data = (data == null ? new StringBuilder() : data.append('\n'));
          data.append(line.substring(5).strip());
        }
      }
    } catch (IOException e) {
      // closed by the test, or the server went away: the stream ends either way
    } finally {
      events.add(END);
    }
  }

  public static boolean isEnd(Event event) {
    return event == END;
  }

  @Override
  public void close() {
    try {
      response.body().close();
    } catch (IOException e) {
      // already closed
    }
    if (reader != null) {
      reader.interrupt();
    }
    client.shutdownNow(); // closes the connection now: the server notices at its next write
  }
}
