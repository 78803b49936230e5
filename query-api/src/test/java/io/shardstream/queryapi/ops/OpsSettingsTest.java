package io.shardstream.queryapi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.service.CommonSettings;
import io.shardstream.service.Setting;
import io.shardstream.service.SettingsException;
import io.shardstream.service.SettingsSpec;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsSettingsTest {
  private static final SettingsSpec SPEC =
      SettingsSpec.of("query-api", OpsSettings.settings().toArray(Setting<?>[]::new));

  private static final EntityConfig USER_EMAIL = ConfigLoader.parse(ExampleConfigs.userEmail());

  private static OpsSettings read(Map<String, String> environment) {
    return read(environment, USER_EMAIL);
  }

  private static OpsSettings read(Map<String, String> environment, EntityConfig config) {
    var check = SPEC.check(SPEC.load(null, environment));
    OpsSettings settings = OpsSettings.from(check, config);
    check.throwIfAny();
    return settings;
  }

  @Test
  void withoutBootstrapServersThereIsNoKafka() {
    OpsSettings settings = read(Map.of());

    assertThat(settings.kafkaConfigured()).isFalse();
    assertThat(settings.registry()).isEmpty();
    assertThat(settings.writerUrls()).isEmpty();
    assertThat(OpsSettings.kafkaMissing())
        .contains("kafka.bootstrap.servers")
        .contains("SHARDSTREAM_KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void readsTheWritersKeys() {
    OpsSettings settings =
        read(
            Map.of(
                "SHARDSTREAM_KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "SHARDSTREAM_TOPICS_DEAD_LETTERS", "dlq",
                "SHARDSTREAM_REGISTRY_URL", "http://registry:8080",
                "SHARDSTREAM_PIPELINE_WRITER_URLS", "http://w1:8090/, http://w2:8090",
                "SHARDSTREAM_PIPELINE_WRITER_APPLICATION_ID", "w"));

    assertThat(settings.kafka()).containsEntry("bootstrap.servers", "k:9092");
    assertThat(settings.deadLetterTopic()).isEqualTo("dlq");
    assertThat(settings.sourceTopics())
        .containsExactlyInAnyOrder("users.changes", "emails.changes");
    assertThat(settings.registry()).isPresent();
    assertThat(settings.writerUrls())
        .containsExactly(URI.create("http://w1:8090"), URI.create("http://w2:8090"));
    assertThat(settings.writerApplicationId()).isEqualTo("w");
  }

  @Test
  void theSourcesAreEveryEntitysTopicWithItsOwnKey() {
    OpsSettings settings =
        read(
            Map.of(
                "SHARDSTREAM_KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "SHARDSTREAM_TOPICS_BANKACCOUNTS", "tenant-a.accounts"),
            ConfigLoader.parse(ExampleConfigs.person()));

    assertThat(settings.sourceTopics())
        .containsExactlyInAnyOrder(
            "addresses.changes",
            "tenant-a.accounts",
            "contactInfos.changes",
            "employments.changes",
            "persons.changes");
    assertThat(settings.eventSchemas().get("bankAccount").getName())
        .isEqualTo("BankAccountChangeEvent");
  }

  @Test
  void aBadEntityTopicIsNamedWithItsVariable() {
    assertThatThrownBy(() -> read(Map.of("SHARDSTREAM_TOPICS_USERS", "bad topic")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("topics.users")
        .hasMessageContaining("SHARDSTREAM_TOPICS_USERS");
  }

  @Test
  void theWriterGroupDefaultsToTheWritersApplicationId() {
    assertThat(read(Map.of()).writerApplicationId())
        .isEqualTo(CommonSettings.WRITER_APPLICATION_ID.defaultText());
  }

  @Test
  void aBadWriterUrlIsNamed() {
    assertThatThrownBy(() -> read(Map.of("SHARDSTREAM_PIPELINE_WRITER_URLS", "writer:8090")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("pipeline.writer-urls")
        .hasMessageContaining("SHARDSTREAM_PIPELINE_WRITER_URLS")
        .hasMessageContaining("http://writer:8090");
  }
}
