package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.shardstream.core.query.CursorCodec;
import io.shardstream.queryapi.Http.Reply;
import io.shardstream.service.Metrics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dead letters and pipeline routes without Kafka: full-access keys only, and a 503 that names
 * the setting to set. (With Kafka: {@code OperationsIT} in the demo module.)
 */
class OperationsRoutesTest {
  private static final String FULL = "full-key";
  private static final String BOUND = "bound-key";
  private static Javalin app;
  private static Http http;

  @BeforeAll
  static void start() {
    app =
        QueryApi.create(
            InMemoryBackend.of(List.of()),
            new CursorCodec(CursorKeys.TEST),
            ApiKeys.parse(FULL + "," + BOUND + ":b-1"),
            10,
            Metrics.newRegistry("test"));
    app.start("localhost", 0);
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  @ParameterizedTest
  @ValueSource(strings = {OperationsRoutes.DEAD_LETTERS, OperationsRoutes.PIPELINE})
  void withoutKafkaAFullKeyIsToldWhichSettingToSet(String path) {
    Reply reply = http.get(path, Map.of(), Optional.of(FULL));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.isProblem()).isTrue();
    assertThat(reply.json().get("detail").asText())
        .contains("kafka.bootstrap.servers")
        .contains("SHARDSTREAM_KAFKA_BOOTSTRAP_SERVERS");
  }

  @ParameterizedTest
  @ValueSource(strings = {OperationsRoutes.DEAD_LETTERS, OperationsRoutes.PIPELINE})
  void aBeneficiaryBoundKeyIsForbidden(String path) {
    Reply reply = http.get(path, Map.of(), Optional.of(BOUND));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.isProblem()).isTrue();
    assertThat(reply.json().get("detail").asText()).contains("full-access API key");
  }

  @ParameterizedTest
  @ValueSource(strings = {OperationsRoutes.DEAD_LETTERS, OperationsRoutes.PIPELINE})
  void needsAKeyAndTakesNoParameters(String path) {
    assertThat(http.get(path).status()).isEqualTo(401);
    Reply unknown = http.get(path, Map.of("limit", "5"), Optional.of(FULL));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().at("/errors/0/parameter").asText()).isEqualTo("limit");
  }
}
