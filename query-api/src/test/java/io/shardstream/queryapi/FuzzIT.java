package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardstream.core.testing.SeedUsers;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.dynamo.LocalDynamoDb;
import io.shardstream.queryapi.Http.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Garbage in, never a 5xx out: thousands of random routes, parameter names, values, cursors,
 * methods and keys against the real server on DynamoDB Local, and raw requests no well-behaved
 * client would send. Every error must be problem+json without a stack trace.
 */
@ExtendWith(DevStackExtension.class)
class FuzzIT {
  private static final Logger LOG = LoggerFactory.getLogger(FuzzIT.class);
  private static final int HTTP_REQUESTS = 11_000;
  private static final int RAW_REQUESTS = 1_000;
  private static final int IN_FLIGHT = 16;
  private static final String ADMIN = "fuzz-admin";
  private static final String BOUND = "fuzz-b1";
  private static final List<String> PARAMETERS =
      List.of(
          "name",
          "beneficiaryId",
          "phone",
          "createdFrom",
          "createdTo",
          "updatedFrom",
          "updatedTo",
          "sort",
          "order",
          "limit",
          "cursor",
          "userId");
  private static final List<String> ROUTES =
      List.of(
          "/v1/users",
          "/v1/users/{}",
          "/v1/users/{}/emails",
          "/v1/emails",
          "/v1/emails/{}",
          "/openapi.json",
          "/health/ready",
          "/health/live",
          "/v1/{}",
          "/v2/users",
          "/v1/users/{}/{}",
          "/");
  private static final List<String> METHODS =
      List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE");

  private static DynamoDbClient client;
  private static QueryApiServer server;
  private static Http http;
  private static final List<String> CURSORS = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> RESENT = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void start(DynamoDbEndpoint endpoint) {
    client = LocalDynamoDb.client(endpoint);
    String table = LocalQueryApi.createTable(client, "fuzz");
    List<Map<String, Object>> items = new ArrayList<>(Population.users(new Random(3), "u", 40));
    for (int i = 0; i < 20; i++) {
      items.add(
          SeedUsers.email(
              "e" + i + "@example.com",
              "u" + i,
              Population.INSTANTS.get(i % Population.INSTANTS.size())));
    }
    LocalQueryApi.write(client, table, items);
    server = LocalQueryApi.start(endpoint, table, ADMIN + "," + BOUND + ":b1");
    http = new Http(server.port());
    for (String sort : List.of("created", "updated", "name", "phone")) {
      for (String order : List.of("asc", "desc")) {
        Reply page =
            http.get(
                "/v1/users",
                Http.params("sort", sort, "order", order, "limit", "2"),
                Optional.of(ADMIN));
        Optional.ofNullable(page.json().get("nextCursor"))
            .map(JsonNode::asText)
            .ifPresent(CURSORS::add);
      }
    }
    Reply emails = http.get("/v1/emails", Http.params("limit", "1"), Optional.of(ADMIN));
    CURSORS.add(emails.json().get("nextCursor").asText());
  }

  @AfterAll
  static void stop() {
    server.stop();
    client.close();
  }

  @Test
  void randomRequestsNeverGetAServerError() throws Exception {
    Random random = new Random(20_260_101);
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<?>> sent = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < HTTP_REQUESTS; i++) {
      HttpRequest request = request(random);
      inFlight.acquire();
      sent.add(
          send(request, true)
              .whenComplete(
                  (response, error) -> {
                    inFlight.release();
                    if (error != null) {
                      failures.add(request.method() + " " + request.uri() + ": " + error);
                      return;
                    }
                    statuses
                        .computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
                        .incrementAndGet();
                    check(request.method(), request.uri().toString(), Http.reply(response))
                        .ifPresent(failures::add);
                  })
              .exceptionally(error -> null));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    LOG.info(
        "{} requests in {} ms, by status: {}; {} resent after the connection closed "
            + "without an answer",
        HTTP_REQUESTS,
        (System.nanoTime() - start) / 1_000_000,
        new TreeMap<>(statuses),
        RESENT.size());
    RESENT.stream().limit(5).forEach(r -> LOG.info("resent: {}", r));

    assertThat(failures).as("%d failures, first ones", failures.size()).isEmpty();
    assertThat(RESENT).as("requests resent").hasSizeLessThan(HTTP_REQUESTS / 200);
    assertThat(statuses.keySet()).allMatch(s -> s < 500).contains(200, 400, 401, 403, 404);
  }

  @Test
  void rawRequestsNoClientLibraryWouldSendAreProblemsToo() throws Exception {
    Random random = new Random(7);
    Map<Integer, AtomicInteger> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < RAW_REQUESTS; i++) {
      String target = rawTarget(random, i);
      Reply reply = raw("GET", target);
      statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
      check("GET", target.length() > 200 ? target.substring(0, 200) + "…" : target, reply)
          .ifPresent(failures::add);
    }
    LOG.info("{} raw requests by status: {}", RAW_REQUESTS, statuses);
    assertThat(failures).isEmpty();
    assertThat(statuses.keySet()).allMatch(s -> s < 500);
  }

  /**
   * Sends a request; a connection closed before any answer (a pooled keep-alive connection the
   * server had just closed, a race of the client's, not an answer) is retried once on a new one.
   */
  private static CompletableFuture<HttpResponse<String>> send(HttpRequest request, boolean retry) {
    return http.client()
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, error) -> {
              if (error == null) {
                return CompletableFuture.completedFuture(response);
              }
              if (retry && error.getCause() instanceof IOException) {
                RESENT.add(
                    request.method()
                        + " "
                        + request
                            .uri()
                            .toString()
                            .substring(0, Math.min(200, request.uri().toString().length()))
                        + ": "
                        + error.getCause());
                return send(request, false);
              }
              return CompletableFuture.<HttpResponse<String>>failedFuture(error);
            })
        .thenCompose(f -> f);
  }

  /** What is wrong with an answer, if anything. */
  private static Optional<String> check(String method, String target, Reply reply) {
    String what =
        method
            + " "
            + target
            + " -> "
            + reply.status()
            + " "
            + reply.contentType()
            + " "
            + (reply.body().length() > 300 ? reply.body().substring(0, 300) : reply.body());
    if (reply.status() >= 500) {
      return Optional.of("server error: " + what);
    }
    if (reply.status() >= 400 && !method.equals("HEAD")) {
      if (!reply.isProblem()
          || reply.json() == null
          || reply.json().path("status").asInt() != reply.status()) {
        return Optional.of("not a problem: " + what);
      }
      if (reply.body().contains("Exception") || reply.body().contains("\tat ")) {
        return Optional.of("leaks internals: " + what);
      }
    }
    return Optional.empty();
  }

  private static HttpRequest request(Random random) {
    String route = ROUTES.get(random.nextInt(random.nextInt(4) == 0 ? ROUTES.size() : 5));
    StringBuilder path = new StringBuilder();
    for (String part : route.split("\\{}", -1)) {
      if (!path.isEmpty() || route.startsWith("{}")) {
        path.append(Http.encode(random.nextInt(3) == 0 ? "u" + random.nextInt(45) : value(random)));
      }
      path.append(part);
    }
    if (route.contains("{}") && path.isEmpty()) {
      path.append(route);
    }
    List<String> query = new ArrayList<>();
    for (int n = random.nextInt(7); n > 0; n--) {
      String name =
          switch (random.nextInt(10)) {
            case 0 -> value(random);
            case 1 -> "";
            default -> PARAMETERS.get(random.nextInt(PARAMETERS.size()));
          };
      query.add(
          Http.encode(name)
              + (random.nextInt(15) == 0
                  ? ""
                  : "=" + Http.encode(name.equals("cursor") ? cursor(random) : value(random))));
    }
    URI uri =
        URI.create(
            http.base() + path.toString() + (query.isEmpty() ? "" : "?" + String.join("&", query)));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
    if (random.nextInt(12) == 0) {
      request.method(
          METHODS.get(random.nextInt(METHODS.size())),
          HttpRequest.BodyPublishers.ofString(value(random)));
    }
    int key = random.nextInt(20);
    if (key < 14) {
      request.header("X-Api-Key", ADMIN);
    } else if (key < 17) {
      request.header("X-Api-Key", BOUND);
    } else if (key < 19) {
      request.header("X-Api-Key", value(random).replaceAll("[^!-~]", "x") + "z");
    }
    return request.build();
  }

  /** A parameter value: plausible, at a boundary, or junk. */
  private static String value(Random random) {
    return switch (random.nextInt(12)) {
      case 0 ->
          List.of("asc", "desc", "DESC", "created", "updated", "name", "phone", "height")
              .get(random.nextInt(8));
      case 1 ->
          List.of(
                  "0",
                  "1",
                  "25",
                  "100",
                  "101",
                  "-1",
                  "1.5",
                  "1e3",
                  "99999999999999999999",
                  "0x10",
                  "١٢")
              .get(random.nextInt(11));
      case 2 ->
          List.of(
                  "2025-01-01",
                  "2025-13-45",
                  "2025-01-01T00:00:00Z",
                  "1735689600000",
                  "2025-01-01T00:00:00+01:00",
                  "9999-12-31",
                  "10000-01-01",
                  "1969-12-31",
                  "2025-01-01T25:00:00Z",
                  "P1D")
              .get(random.nextInt(10));
      case 3 ->
          List.of("ada", "José Núñez", "b1", "b2", "a", "é", "ab cd ef", "1", "15", "u1")
              .get(random.nextInt(10));
      case 4 ->
          List.of(
                  "",
                  " ",
                  "  \t ",
                  "|",
                  "#",
                  "!",
                  "a|b",
                  ",",
                  "a,b",
                  "userId#u1",
                  "user!3",
                  "%",
                  "%25",
                  "\u0000",
                  "..",
                  "/",
                  "\\")
              .get(random.nextInt(17));
      case 5 ->
          "a".repeat(List.of(255, 256, 257, 1000, 16_384, 16_385, 30_000).get(random.nextInt(7)));
      case 6 -> "é".repeat(1 + random.nextInt(300));
      default -> junk(random);
    };
  }

  private static String junk(Random random) {
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(40); n > 0; n--) {
      int codePoint =
          switch (random.nextInt(5)) {
            case 0 -> random.nextInt(0x20);
            case 1 -> 0x20 + random.nextInt(0x5F);
            case 2 -> 0x80 + random.nextInt(0x800);
            case 3 -> 0x10000 + random.nextInt(0x10000);
            default -> 0xE000 + random.nextInt(0x2000);
          };
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }

  /** A cursor: a real one, a real one changed, or forged bytes. */
  private static String cursor(Random random) {
    String real = CURSORS.get(random.nextInt(CURSORS.size()));
    return switch (random.nextInt(6)) {
      case 0 -> real;
      case 1 -> {
        char[] chars = real.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = "AZaz09-_w".charAt(random.nextInt(9));
        yield new String(chars);
      }
      case 2 -> real.substring(0, random.nextInt(real.length()));
      case 3 -> real + "A".repeat(1 + random.nextInt(5));
      case 4 -> {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        if (bytes.length > 0) {
          bytes[0] = (byte) (0xC0 | random.nextInt(3));
        }
        yield Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      }
      default -> value(random);
    };
  }

  /** Request targets with broken escapes, odd paths, and heads larger than the server takes. */
  private static String rawTarget(Random random, int i) {
    List<String> targets =
        List.of(
            "/v1/users?name=%zz",
            "/v1/users/%zz",
            "/v1/users?%=1",
            "/v1/users/%00",
            "/v1/users?name=%C3%28",
            "/v1/users?name=%ED%A0%80",
            "/v1/../etc/passwd",
            "/v1/users/a%2Fb",
            "//v1/users",
            "/v1/users/%2e%2e/x",
            "/v1/users?name",
            "/v1/users?=&=&&",
            "/v1/users?name=a&name",
            "/v1/emails/%",
            "/v1/users?cursor=" + "w".repeat(70_000),
            "/v1/users/" + "x".repeat(70_000),
            "/v1/users?limit=%2B1",
            "/v1/users?createdFrom=2025-01-01T00:00:00+01:00",
            "/v1/users;jsessionid=1",
            "/v1/users/%E2%80%AE",
            "*",
            "/v1/users#frag",
            "/health/ready?x=%",
            "/openapi.json/..",
            "/v1/users\\..\\x");
    if (i < targets.size()) {
      return targets.get(i);
    }
    StringBuilder target =
        new StringBuilder(
            List.of("/v1/users", "/v1/users/", "/v1/emails?", "/v1/emails/", "/v1/users?cursor=")
                .get(random.nextInt(5)));
    for (int n = random.nextInt(30); n > 0; n--) {
      target.append(
          switch (random.nextInt(6)) {
            case 0 -> "%" + Integer.toHexString(random.nextInt(256));
            case 1 -> "%" + (char) ('g' + random.nextInt(10));
            case 2 -> "&" + PARAMETERS.get(random.nextInt(PARAMETERS.size())) + "=";
            case 3 -> String.valueOf((char) (0x21 + random.nextInt(0x5E)));
            case 4 -> "%C0%AF";
            default -> "=";
          });
    }
    return target.toString();
  }

  /** One request over a plain socket, exactly as written. */
  private static Reply raw(String method, String target) throws IOException {
    try (Socket socket = new Socket("localhost", server.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + target
                  + " HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: "
                  + ADMIN
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      try {
        in.transferTo(received);
      } catch (IOException e) {
        // The server may close on a request it refuses; what arrived is the answer.
      }
      return parse(received.toString(StandardCharsets.UTF_8));
    }
  }

  private static Reply parse(String response) {
    int headEnd = response.indexOf("\r\n\r\n");
    String head = headEnd < 0 ? response : response.substring(0, headEnd);
    String body = headEnd < 0 ? "" : response.substring(headEnd + 4);
    String[] lines = head.split("\r\n");
    int status = lines[0].startsWith("HTTP/1.1 ") ? Integer.parseInt(lines[0].substring(9, 12)) : 0;
    String type = "";
    boolean chunked = false;
    for (String line : lines) {
      String lower = line.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("content-type:")) {
        type = line.substring(13).trim();
      }
      chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
    }
    if (chunked) {
      body = dechunk(body);
    }
    JsonNode json = null;
    try {
      json = Http.JSON.readTree(body);
    } catch (IOException e) {
      // left null
    }
    assertThat(status).as("a status line in %s", head).isPositive();
    return new Reply(status, type, body, json);
  }

  private static String dechunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int lineEnd = body.indexOf("\r\n", at);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        break;
      }
      out.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    return out.toString();
  }
}
