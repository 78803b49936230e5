package io.shardstream.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @Test
  void fileOverridesDefaultsAndEnvironmentOverridesBoth(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("writer.yaml");
    Files.writeString(
        yaml,
        """
        dynamodb:
          endpoint: http://file:8000
          table: users
        kafka:
          bootstrap.servers: file:9092
        """);
    Settings settings =
        new SettingsLoader()
            .defaults(Map.of("dynamodb.endpoint", "http://default:8000", "http.port", "8080"))
            .file(yaml)
            .environment(
                Map.of(
                    "SHARDSTREAM_DYNAMODB_TABLE",
                    "from-env",
                    "SHARDSTREAM_KAFKA_LINGER_MS",
                    "5",
                    "PATH",
                    "/bin"))
            .load();
    assertThat(settings.require("dynamodb.endpoint")).isEqualTo("http://file:8000");
    assertThat(settings.require("dynamodb.table")).isEqualTo("from-env");
    assertThat(settings.getInt("http.port", 0)).isEqualTo(8080);
    assertThat(settings.withPrefix("kafka"))
        .containsEntry("bootstrap.servers", "file:9092")
        .containsEntry("linger.ms", "5");
    assertThat(settings.asMap()).doesNotContainKey("path");
  }

  @Test
  void propertiesFilesWorkToo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("api.properties");
    Files.writeString(file, "query.limit.max=50\nquery.timeout=2s\n");
    Settings settings = new SettingsLoader().file(file).load();
    assertThat(settings.getInt("query.limit.max", 100)).isEqualTo(50);
    assertThat(settings.getDuration("query.timeout", Duration.ZERO))
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void errorsNameTheKeyAndItsVariable(@TempDir Path dir) {
    Settings settings = Settings.of(Map.of("http.port", "eighty"));
    assertThatThrownBy(() -> settings.getInt("http.port", 0))
        .hasMessage(
            "setting 'http.port' (SHARDSTREAM_HTTP_PORT) must be a whole number, got 'eighty'");
    assertThatThrownBy(() -> settings.require("dynamodb.table"))
        .hasMessageContaining("SHARDSTREAM_DYNAMODB_TABLE");
    assertThatThrownBy(() -> new SettingsLoader().file(dir.resolve("missing.yaml")))
        .hasMessageContaining("settings file not found");
  }
}
