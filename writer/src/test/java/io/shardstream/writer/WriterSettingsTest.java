package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistryApi;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsException;
import io.shardstream.writer.state.StoreKind;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterSettingsTest {

  @Test
  void theDefaultsMakeAWorkingLocalWriter() {
    WriterSettings settings = WriterSettings.from(Settings.of(WriterSettings.defaults()));

    assertThat(settings.applicationId()).isEqualTo("shardstream-writer");
    assertThat(settings.kafka())
        .containsEntry("bootstrap.servers", "localhost:9092")
        .containsEntry("processing.guarantee", "exactly_once_v2");
    assertThat(settings.registry())
        .contains(RegistrySettings.production(URI.create("http://localhost:8081")));
    assertThat(settings.topics().entities())
        .containsOnly(Map.entry("email", "emails.changes"), Map.entry("user", "users.changes"));
    assertThat(settings.topics().deadLetters()).isEqualTo("shardstream.dlq");
    assertThat(settings.topics().appliedChanges()).isEqualTo("shardstream.applied-changes");
    assertThat(settings.topics().ownerChanges("email"))
        .isEqualTo("shardstream-writer-email-owner-changes");
    assertThat(settings.topics().cascade("email")).isEqualTo("shardstream-writer-email-cascade");
    assertThat(settings.table()).isEqualTo("shardstream");
    assertThat(settings.httpPort()).isEqualTo(8090);
    assertThat(settings.flushMaxOps()).isEqualTo(1000);
    assertThat(settings.futureSkew()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.storeKind()).isEqualTo(StoreKind.ROCKSDB);
    assertThat(settings.entityConfig().entities()).containsKeys("user", "email");
  }

  @Test
  void environmentVariablesOverrideAndPassKafkaSettingsThrough() {
    Settings settings =
        WriterSettings.load(
            null,
            Map.of(
                "SHARDSTREAM_HTTP_PORT", "9000",
                "SHARDSTREAM_WRITER_FLUSH_MAX_OPS", "50",
                "SHARDSTREAM_KAFKA_NUM_STREAM_THREADS", "4",
                "SHARDSTREAM_APPLICATION_ID", "other",
                "SHARDSTREAM_SERDE_FORMAT", "plain-avro"));

    WriterSettings writer = WriterSettings.from(settings);
    assertThat(writer.httpPort()).isEqualTo(9000);
    assertThat(writer.flushMaxOps()).isEqualTo(50);
    assertThat(writer.kafka()).containsEntry("num.stream.threads", "4");
    assertThat(writer.topics().cascade("email")).isEqualTo("other-email-cascade");
    assertThat(writer.serdeFormat()).isEqualTo(WriterSettings.SerdeFormat.PLAIN_AVRO);
  }

  @Test
  void everyEntityOfTheConfigReadsItsOwnTopicSetting(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("person.json");
    Files.writeString(config, ExampleConfigs.person());
    Settings settings =
        WriterSettings.load(
            null,
            Map.of(
                "SHARDSTREAM_ENTITY_CONFIG", config.toString(),
                "SHARDSTREAM_TOPICS_BANKACCOUNTS", "tenant-a.accounts",
                "SHARDSTREAM_TOPICS_PERSONS", "tenant-a.persons"));

    TopicNames topics = WriterSettings.from(settings).topics();

    assertThat(topics.entity("person")).isEqualTo("tenant-a.persons");
    assertThat(topics.entity("bankAccount")).isEqualTo("tenant-a.accounts");
    assertThat(topics.entity("address")).isEqualTo("addresses.changes");
    assertThat(topics.ownerChanges("address"))
        .isEqualTo("shardstream-writer-address-owner-changes");
  }

  @Test
  void aBadEntityTopicIsReportedWithItsKey(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("person.json");
    Files.writeString(config, ExampleConfigs.person());
    Map<String, String> values = new HashMap<>(WriterSettings.defaults());
    values.put("entity.config", config.toString());
    values.put("topics.contactInfos", "no spaces allowed");

    assertThatThrownBy(() -> WriterSettings.from(Settings.of(values)))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("topics.contactInfos")
        .hasMessageContaining("SHARDSTREAM_TOPICS_CONTACTINFOS");
  }

  @Test
  void reportsEveryBadSettingAtOnce() {
    Map<String, String> values = new HashMap<>(WriterSettings.defaults());
    values.put("http.port", "http");
    values.put("writer.future-skew", "soon");
    values.put("writer.state.store", "disk");
    values.put("dynamodb.endpoint", "localhost");

    assertThatThrownBy(() -> WriterSettings.from(Settings.of(values)))
        .isInstanceOf(SettingsException.class)
        .hasMessageContainingAll(
            "http.port",
            "SHARDSTREAM_HTTP_PORT",
            "writer.future-skew",
            "writer.state.store",
            "dynamodb.endpoint");
  }

  @Test
  void theConfluentApiIsPickedByOneSetting() {
    Settings settings =
        WriterSettings.load(
            null,
            Map.of(
                "SHARDSTREAM_REGISTRY_API", "confluent",
                "SHARDSTREAM_REGISTRY_URL", "http://schema-registry:8081"));

    WriterSettings writer = WriterSettings.from(settings);
    assertThat(writer.registry())
        .contains(
            RegistrySettings.production(
                SchemaRegistryApi.CONFLUENT, URI.create("http://schema-registry:8081")));
    assertThat(writer.forReplay("replay", "table-v2", writer.entityConfig(), "seed").registry())
        .as("replay reads through the same registry API")
        .isEqualTo(writer.registry());
  }

  @Test
  void aBadRegistryApiOrUrlIsReportedWithItsVariable() {
    Map<String, String> values = new HashMap<>(WriterSettings.defaults());
    values.put("registry.api", "karapace");
    assertThatThrownBy(() -> WriterSettings.from(Settings.of(values)))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining(
            "setting 'registry.api' (SHARDSTREAM_REGISTRY_API) must be apicurio or confluent,"
                + " got 'karapace'");

    values.put("registry.api", "confluent");
    values.put("registry.url", "http://localhost:8081/apis/registry/v3");
    assertThatThrownBy(() -> WriterSettings.from(Settings.of(values)))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("setting 'registry.url' (SHARDSTREAM_REGISTRY_URL)")
        .hasMessageContaining("/apis/ccompat/v7");
  }

  @Test
  void onlyExactlyOnceIsAccepted() {
    Map<String, String> values = new HashMap<>(WriterSettings.defaults());
    values.put("kafka.processing.guarantee", "at_least_once");
    assertThatThrownBy(() -> WriterSettings.from(Settings.of(values)))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining(
            "setting 'kafka.processing.guarantee' (SHARDSTREAM_KAFKA_PROCESSING_GUARANTEE) must be"
                + " exactly_once_v2, got 'at_least_once'");
  }

  @Test
  void plainAvroNeedsNoRegistry() {
    Map<String, String> values = new HashMap<>(WriterSettings.defaults());
    values.put("serde.format", "plain-avro");
    values.put("registry.api", "anything");
    assertThat(WriterSettings.from(Settings.of(values)).registry()).isEmpty();
  }

  @Test
  void anEntityConfigThatIsADirectoryOrMissingIsNamed(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Map<String, String> values = new HashMap<>(WriterSettings.defaults());
    values.put("entity.config", dir.toString());
    assertThatThrownBy(() -> WriterSettings.from(Settings.of(values)))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("SHARDSTREAM_ENTITY_CONFIG")
        .hasMessageContaining("entity configuration file " + dir + " is a directory")
        .hasMessageNotContaining("java.io");
    values.put("entity.config", dir.resolve("nope.json").toString());
    assertThatThrownBy(() -> WriterSettings.from(Settings.of(values)))
        .hasMessageContaining("entity configuration file not found: " + dir.resolve("nope.json"));
  }
}
