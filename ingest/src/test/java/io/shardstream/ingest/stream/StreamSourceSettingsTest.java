package io.shardstream.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.service.Settings;
import io.shardstream.service.SettingsLoader;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamSourceSettingsTest {

  @Test
  void everyKeyIsReadFromItsEnvironmentVariable() {
    Settings settings =
        new SettingsLoader()
            .defaults(StreamSourceSettings.defaults())
            .environment(
                Map.of(
                    "SHARDSTREAM_STREAM_TABLE", "users-src",
                    "SHARDSTREAM_STREAM_ENTITY", "user",
                    "SHARDSTREAM_STREAM_VERSION_ATTRIBUTE", "updated",
                    "SHARDSTREAM_STREAM_APPLICATION_NAME", "users-reader",
                    "SHARDSTREAM_STREAM_FROM_START", "false",
                    "SHARDSTREAM_DYNAMODB_ENDPOINT", "http://localhost:8000",
                    "SHARDSTREAM_DYNAMODB_REGION", "eu-west-1"))
            .load();

    StreamSourceConfig config = StreamSourceSettings.read(settings, Map.of());

    assertThat(config.mapping().table()).isEqualTo("users-src");
    assertThat(config.mapping().entity()).isEqualTo(SourceEntity.USER);
    assertThat(config.mapping().versionAttribute()).isEqualTo("updated");
    assertThat(config.applicationName()).isEqualTo("users-reader");
    assertThat(config.fromStart()).isFalse();
    assertThat(config.endpoint()).isEqualTo(URI.create("http://localhost:8000"));
    assertThat(config.region()).isEqualTo("eu-west-1");
  }

  @Test
  void unsetKeysTakeTheirDefaults() {
    Settings settings =
        new SettingsLoader()
            .defaults(StreamSourceSettings.defaults())
            .environment(
                Map.of("SHARDSTREAM_STREAM_TABLE", "t", "SHARDSTREAM_STREAM_ENTITY", "email"))
            .load();

    StreamSourceConfig config = StreamSourceSettings.read(settings, Map.of());

    assertThat(config.mapping().versionAttribute()).isEqualTo("version");
    assertThat(config.applicationName()).isEqualTo(StreamSourceConfig.defaultApplicationName("t"));
    assertThat(config.fromStart()).isTrue();
    assertThat(config.endpoint()).isNull();
  }
}
