package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.queryapi.Http.Reply;
import io.shardstream.service.SettingsLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server as the application wires it, here with DynamoDB out of reach. */
class QueryApiServerTest {
  @Test
  void startsFromSettingsAndAnswersUnreachableDynamoDbWith503() {
    QueryApiServer server =
        QueryApiServer.fromSettings(
            new SettingsLoader()
                .defaults(QueryApiSettings.defaults())
                .environment(
                    Map.of(
                        "SHARDSTREAM_HTTP_HOST",
                        "localhost",
                        "SHARDSTREAM_HTTP_PORT",
                        "0",
                        "SHARDSTREAM_DYNAMODB_ENDPOINT",
                        "http://localhost:1"))
                .load());
    try (server) {
      server.start();
      Http http = new Http(server.port());
      assertThat(server.localUri().toString()).endsWith(":" + server.port());

      assertThat(http.get("/health/live").status()).isEqualTo(200);
      Reply ready = http.get("/health/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().get("status").asText()).isEqualTo("DOWN");
      Reply search = http.get("/v1/users");
      assertThat(search.status()).isEqualTo(503);
      assertThat(search.isProblem()).isTrue();
      assertThat(search.json().has("errorId")).isTrue();
      assertThat(search.body()).doesNotContain("localhost:1");
    }
    server.stop();
  }

  @Test
  void pathEscapesMustBeComplete() {
    assertThat(PathEncoding.validEscapes("/v1/users/a%20b%C3%A9")).isTrue();
    assertThat(PathEncoding.validEscapes("/v1/users/%zz")).isFalse();
    assertThat(PathEncoding.validEscapes("/v1/users/%2")).isFalse();
    assertThat(PathEncoding.validEscapes("/v1/users/%")).isFalse();
  }
}
