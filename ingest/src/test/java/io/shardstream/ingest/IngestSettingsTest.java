package io.shardstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaNotRegisteredException;
import io.shardstream.schemas.registry.SchemaRegistryApi;
import io.shardstream.schemas.registry.SchemaRegistryUnavailableException;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsException;
import io.shardstream.service.SettingsLoader;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

  @Test
  void defaultsPointAtTheLocalDevstack() {
    Settings settings = new SettingsLoader().defaults(IngestSettings.defaults()).load();

    assertThat(IngestSettings.producerConfig(settings))
        .containsExactly(Map.entry("bootstrap.servers", "localhost:9092"));
    assertThat(IngestSettings.registry(settings))
        .isEqualTo(RegistrySettings.production(URI.create("http://localhost:8081")));
  }

  @Test
  void environmentOverridesAndPassesKafkaSettingsThrough() {
    Settings settings =
        new SettingsLoader()
            .defaults(IngestSettings.defaults())
            .environment(
                Map.of(
                    "SHARDSTREAM_KAFKA_BOOTSTRAP_SERVERS", "broker:29092",
                    "SHARDSTREAM_KAFKA_LINGER_MS", "50",
                    "SHARDSTREAM_REGISTRY_URL", "http://registry:8080",
                    "SHARDSTREAM_REGISTRY_AUTO_REGISTER", "true"))
            .load();

    assertThat(IngestSettings.producerConfig(settings))
        .containsEntry("bootstrap.servers", "broker:29092")
        .containsEntry("linger.ms", "50");
    assertThat(IngestSettings.registry(settings))
        .isEqualTo(RegistrySettings.development(URI.create("http://registry:8080")));
  }

  @Test
  void anUnregisteredSchemaNamesTheSettingThatRegistersIt() {
    var failure =
        IngestSettings.howToRegister(
            new SchemaNotRegisteredException(
                "the UserChangeEvent schema is not a registered version of artifact "
                    + "default/users.changes-value in the schema registry at http://r:8081/apis/registry/v3",
                null));

    assertThat(failure.getMessage())
        .startsWith("the UserChangeEvent schema is not a registered version")
        .contains("registry.auto-register=true (SHARDSTREAM_REGISTRY_AUTO_REGISTER=true)");
  }

  @Test
  void anUnavailableRegistryNamesTheSettingThatLocatesIt() {
    var failure =
        IngestSettings.whatToCheck(
            new SchemaRegistryUnavailableException(
                "schema registry at http://localhost:1/apis/registry/v3 is unavailable while looking up"
                    + " the UserChangeEvent schema: ConnectException: Connection refused",
                null));

    assertThat(failure.getMessage())
        .endsWith(
            "Connection refused: check registry.url (SHARDSTREAM_REGISTRY_URL) and that the "
                + "registry is running there");
  }

  @Test
  void theDeadLetterTopicIsTheWritersKeyAndDefault() {
    assertThat(
            IngestSettings.deadLetterTopic(
                new SettingsLoader().defaults(IngestSettings.defaults()).load()))
        .isEqualTo("shardstream.dlq");
    assertThat(IngestSettings.deadLetterTopic(Settings.of(Map.of()))).isEqualTo("shardstream.dlq");
    assertThat(
            IngestSettings.deadLetterTopic(
                new SettingsLoader()
                    .defaults(IngestSettings.defaults())
                    .environment(Map.of("SHARDSTREAM_TOPICS_DEAD_LETTERS", "tenant-a.dlq"))
                    .load()))
        .isEqualTo("tenant-a.dlq");
    assertThatThrownBy(
            () ->
                IngestSettings.deadLetterTopic(
                    Settings.of(Map.of("topics.dead-letters", "no spaces"))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("topics.dead-letters")
        .hasMessageContaining("SHARDSTREAM_TOPICS_DEAD_LETTERS");
    assertThat(
            IngestSettings.deadLetterTopic(
                Settings.of(Map.of("topics.dead-letters", " ")))) // blank = unset
        .isEqualTo("shardstream.dlq");
  }

  @Test
  void theChangeTopicsAreTheWritersKeysAndDefaults() {
    assertThat(
            IngestSettings.changeTopics(
                new SettingsLoader().defaults(IngestSettings.defaults()).load()))
        .isEqualTo(new ChangeTopicNames("users.changes", "emails.changes"));
    assertThat(
            IngestSettings.changeTopics(
                new SettingsLoader()
                    .defaults(IngestSettings.defaults())
                    .environment(
                        Map.of(
                            "SHARDSTREAM_TOPICS_USERS", "tenant-a.users",
                            "SHARDSTREAM_TOPICS_EMAILS", "tenant-a.emails"))
                    .load()))
        .isEqualTo(new ChangeTopicNames("tenant-a.users", "tenant-a.emails"));
    assertThatThrownBy(
            () -> IngestSettings.changeTopics(Settings.of(Map.of("topics.users", "no spaces"))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("topics.users")
        .hasMessageContaining("SHARDSTREAM_TOPICS_USERS");
  }

  @Test
  void namesTheSettingThatIsWrong() {
    assertThatThrownBy(() -> IngestSettings.producerConfig(Settings.of(Map.of())))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("kafka.bootstrap.servers");
    assertThatThrownBy(
            () -> IngestSettings.registry(Settings.of(Map.of("registry.url", "localhost:8081"))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("registry.url")
        .hasMessageContaining("absolute");
  }

  @Test
  void theConfluentApiIsPickedByOneSetting() {
    Settings settings =
        new SettingsLoader()
            .defaults(IngestSettings.defaults())
            .environment(
                Map.of(
                    "SHARDSTREAM_REGISTRY_API", "confluent",
                    "SHARDSTREAM_REGISTRY_URL", "http://karapace:8081"))
            .load();

    assertThat(IngestSettings.registry(settings))
        .isEqualTo(
            RegistrySettings.production(
                SchemaRegistryApi.CONFLUENT, URI.create("http://karapace:8081")));
  }

  @Test
  void anUnknownApiNamesTheAllowedValuesAndTheVariable() {
    assertThatThrownBy(
            () ->
                IngestSettings.registry(
                    Settings.of(Map.of("registry.url", "http://r:1", "registry.api", "glue"))))
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "setting 'registry.api' (SHARDSTREAM_REGISTRY_API) must be apicurio or confluent, got 'glue'");
  }
}
