package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.service.Settings;
import io.shardstream.service.SettingsException;
import io.shardstream.service.SettingsLoader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryApiSettingsTest {
  private static Settings settings(Map<String, String> values) {
    return new SettingsLoader().defaults(QueryApiSettings.defaults()).environment(values).load();
  }

  @Test
  void defaultsServeTheSeedConfigurationOnPort8080() {
    QueryApiSettings settings =
        QueryApiSettings.from(
            settings(Map.of("SHARDSTREAM_DYNAMODB_ENDPOINT", "http://localhost:8000")));

    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.table()).isEqualTo("shardstream");
    assertThat(settings.dynamoDbEndpoint()).contains(URI.create("http://localhost:8000"));
    assertThat(settings.entityConfig().entity("user")).isPresent();
    assertThat(settings.maxLimit()).isEqualTo(100);
    assertThat(settings.parallelism()).isEqualTo(16);
    assertThat(settings.apiKeys().required()).isFalse();
    assertThat(settings.cursorKey().development()).isTrue();
  }

  @Test
  void readsEverySettingFromTheEnvironment(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(config, io.shardstream.schemas.ExampleConfigs.userEmail());
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    QueryApiSettings settings =
        QueryApiSettings.from(
            settings(
                Map.of(
                    "SHARDSTREAM_HTTP_HOST",
                    "127.0.0.1",
                    "SHARDSTREAM_HTTP_PORT",
                    "0",
                    "SHARDSTREAM_DYNAMODB_REGION",
                    "eu-west-1",
                    "SHARDSTREAM_DYNAMODB_TABLE",
                    "users",
                    "SHARDSTREAM_ENTITY_CONFIG",
                    config.toString(),
                    "SHARDSTREAM_CURSOR_KEY",
                    key,
                    "SHARDSTREAM_QUERY_LIMIT_MAX",
                    "50",
                    "SHARDSTREAM_QUERY_PARALLELISM",
                    "4",
                    "SHARDSTREAM_API_KEYS",
                    "k1,k2:b1")));

    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isZero();
    assertThat(settings.dynamoDbEndpoint()).isEmpty();
    assertThat(settings.dynamoDbRegion()).contains("eu-west-1");
    assertThat(settings.table()).isEqualTo("users");
    assertThat(settings.entityConfigSource()).isEqualTo(config.toString());
    assertThat(settings.cursorKey().development()).isFalse();
    assertThat(settings.cursorKey().bytes()).hasSize(32);
    assertThat(settings.maxLimit()).isEqualTo(50);
    assertThat(settings.parallelism()).isEqualTo(4);
    assertThat(settings.apiKeys().size()).isEqualTo(2);
  }

  @Test
  void followsTheControlTableReplayWritesUnlessTurnedOff() {
    assertThat(
            QueryApiSettings.from(
                    settings(
                        Map.of(
                            "SHARDSTREAM_DYNAMODB_ENDPOINT", "http://localhost:8000",
                            "SHARDSTREAM_DYNAMODB_TABLE", "users")))
                .controlTable())
        .contains("users-control");
    assertThat(
            QueryApiSettings.from(
                    settings(
                        Map.of(
                            "SHARDSTREAM_DYNAMODB_ENDPOINT", "http://localhost:8000",
                            "SHARDSTREAM_CONTROL_TABLE", "ops-control")))
                .controlTable())
        .contains("ops-control");
    assertThat(
            QueryApiSettings.from(
                    settings(
                        Map.of(
                            "SHARDSTREAM_DYNAMODB_ENDPOINT", "http://localhost:8000",
                            "SHARDSTREAM_CONTROL_TABLE", "none")))
                .controlTable())
        .isEmpty();
  }

  @Test
  void againstAwsACursorKeyIsRequired() {
    assertThatThrownBy(() -> QueryApiSettings.from(settings(Map.of())))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("cursor.key")
        .hasMessageContaining("SHARDSTREAM_CURSOR_KEY");
  }

  @Test
  void boundsTheWorkInProgressByDefaultAndReadsTheLimits() {
    QueryApiSettings defaults =
        QueryApiSettings.from(
            settings(Map.of("SHARDSTREAM_DYNAMODB_ENDPOINT", "http://localhost:8000")));
    QueryApiSettings set =
        QueryApiSettings.from(
            settings(
                Map.of(
                    "SHARDSTREAM_DYNAMODB_ENDPOINT",
                    "http://localhost:8000",
                    "SHARDSTREAM_QUERY_REQUESTS_MAX",
                    "8",
                    "SHARDSTREAM_QUERY_REQUESTS_WAIT",
                    "0",
                    "SHARDSTREAM_HTTP_CONNECTIONS_MAX",
                    "100")));

    assertThat(defaults.admission()).isEqualTo(Admission.DEFAULT);
    assertThat(set.admission()).isEqualTo(new Admission(8, java.time.Duration.ZERO, 100));
  }

  @Test
  void refusesNoPlaceForRequests() {
    assertThatThrownBy(
            () ->
                QueryApiSettings.from(
                    settings(
                        Map.of(
                            "SHARDSTREAM_DYNAMODB_ENDPOINT",
                            "http://localhost:8000",
                            "SHARDSTREAM_QUERY_REQUESTS_MAX",
                            "0"))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("query.requests.max")
        .hasMessageContaining("SHARDSTREAM_QUERY_REQUESTS_MAX")
        .hasMessageContaining("between 1 and 100000");
  }

  @Test
  void reportsEveryBadSettingAtOnce() {
    assertThatThrownBy(
            () ->
                QueryApiSettings.from(
                    settings(
                        Map.of(
                            "SHARDSTREAM_HTTP_PORT",
                            "70000",
                            "SHARDSTREAM_DYNAMODB_ENDPOINT",
                            "not a url",
                            "SHARDSTREAM_CURSOR_KEY",
                            "c2hvcnQ=",
                            "SHARDSTREAM_QUERY_LIMIT_MAX",
                            "0",
                            "SHARDSTREAM_QUERY_PARALLELISM",
                            "many",
                            "SHARDSTREAM_API_KEYS",
                            "k1:",
                            "SHARDSTREAM_ENTITY_CONFIG",
                            "/no/such/file.json"))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("http.port")
        .hasMessageContaining("dynamodb.endpoint")
        .hasMessageContaining("cursor.key")
        .hasMessageContaining("query.limit.max")
        .hasMessageContaining("query.parallelism")
        .hasMessageContaining("api.keys")
        .hasMessageContaining("entity.config");
  }

  @Test
  void anEntityConfigThatIsADirectoryIsNamed(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    assertThatThrownBy(
            () ->
                QueryApiSettings.from(
                    settings(
                        Map.of(
                            "SHARDSTREAM_DYNAMODB_ENDPOINT",
                            "http://localhost:8000",
                            "SHARDSTREAM_ENTITY_CONFIG",
                            dir.toString()))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("entity configuration file " + dir + " is a directory")
        .hasMessageNotContaining("java.io");
  }
}
