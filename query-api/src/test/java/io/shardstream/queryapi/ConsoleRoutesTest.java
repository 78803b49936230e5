package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.shardstream.core.query.CursorCodec;
import io.shardstream.queryapi.Http.Reply;
import io.shardstream.service.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's files: served without a key, from the jar only, with a strict content policy. */
class ConsoleRoutesTest {
  private static Javalin app;
  private static Http http;

  @BeforeAll
  static void start() {
    app =
        QueryApi.create(
            InMemoryBackend.of(List.of()),
            new CursorCodec(CursorKeys.TEST),
            ApiKeys.parse("a-key"),
            10,
            Metrics.newRegistry("test"));
    app.start("localhost", 0);
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  @Test
  void servesThePageWithoutAKeyAndForbidsAnythingFromElsewhere() throws Exception {
    HttpResponse<String> page = rawGet("/console/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'self'"));
    assertThat(page.body()).contains("<script type=\"module\" src=\"console.js\">");
    assertThat(page.body()).doesNotContain("http://").doesNotContain("https://");
  }

  @Test
  void redirectsToTheSlashKeepingTheSearch() throws Exception {
    HttpResponse<String> reply = rawGet("/console?search=users&name=lee");

    assertThat(reply.statusCode()).isEqualTo(302);
    assertThat(reply.headers().firstValue("Location")).hasValue("console/?search=users&name=lee");
  }

  @Test
  void servesItsScriptAndStylesAndNothingElse() throws Exception {
    assertThat(rawGet("/console/console.js").headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(rawGet("/console/console.css").headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    assertThat(rawGet("/console/console-live.js").headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(rawGet("/console/console-live.css").headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    for (String path : List.of("/console/secret.txt", "/console/..%2Fopenapi.json")) {
      Reply missing = http.get(path, Map.of(), Optional.empty());
      assertThat(missing.status()).as(path).isEqualTo(404);
      assertThat(missing.isProblem()).isTrue();
    }
  }

  @Test
  void theScriptsLoadNothingFromElsewhere() throws Exception {
    for (String script : List.of("/console/console.js", "/console/console-live.js")) {
      assertThat(rawGet(script).body())
          .as(script)
          .doesNotContain("http://")
          .doesNotContain("https://")
          .doesNotContain("innerHTML");
    }
  }

  private static HttpResponse<String> rawGet(String path) throws Exception {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
