package io.shardstream.schemas.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An HTTP server on loopback that answers each request with the next scripted answer and records
 * the requests: for unit tests of how shardstream speaks the Confluent Schema Registry API.
 */
final class ScriptedRegistry implements AutoCloseable {
  private final HttpServer server;
  private final Deque<Answer> answers = new ArrayDeque<>();
  private final List<Request> requests = new ArrayList<>();

  record Answer(int status, String body) {}

  record Request(String method, String uri, String contentType, String body) {}

  ScriptedRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  /** The API's URL, under a path as on a registry served below a prefix. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sr");
  }

  /** The next request gets this answer. */
  void script(int status, String body) {
    synchronized (answers) {
      answers.add(new Answer(status, body));
    }
  }

  List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    synchronized (requests) {
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().toString(),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
    Answer answer;
    synchronized (answers) {
      answer = answers.isEmpty() ? new Answer(500, "no answer scripted") : answers.poll();
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", ConfluentRegistryClient.CONTENT_TYPE);
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
