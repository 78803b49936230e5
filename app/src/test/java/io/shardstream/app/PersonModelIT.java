package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.schemas.ExampleConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Person model through the command line against the real broker and Apicurio registry: {@code
 * schemas check} judges config changes (BACKWARD) per entity topic, {@code schemas register}
 * registers, and {@code generate --model person} then {@code ingest file --model person} put every
 * event on its entity's topic.
 */
@ExtendWith(DevStackExtension.class)
class PersonModelIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, String> PLURALS =
      Map.of(
          "person", "persons",
          "address", "addresses",
          "bankAccount", "bankAccounts",
          "contactInfo", "contactInfos",
          "employment", "employments");

  @Test
  void schemasCheckGivesAVerdictPerEntityAndRefusesABreakingChange(
      KafkaEndpoint kafka, RegistryEndpoint registry, @TempDir Path dir) throws Exception {
    String run = UUID.randomUUID().toString();
    Path settings = settings(dir, kafka, registry, run, false);
    Path shipped = Files.writeString(dir.resolve("person.json"), ExampleConfigs.person());

    CommandRun first =
        CommandRun.of("schemas", "check", "--config", shipped + "", "-s", settings + "");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("person -> " + topic(run, "person") + ": new (nothing registered yet)")
        .contains("bankAccount -> " + topic(run, "bankAccount") + ": new");

    CommandRun registered =
        CommandRun.of("schemas", "register", "--config", shipped + "", "-s", settings + "");
    assertThat(registered.exitCode()).as(registered.err()).isZero();
    assertThat(registered.out()).contains(topic(run, "employment") + "-value: version");

    ObjectNode optional = personConfig();
    attributes(optional).set("nickname", JSON.readTree("{\"type\": \"string\"}"));
    Path added = Files.writeString(dir.resolve("added.json"), JSON.writeValueAsString(optional));
    CommandRun compatible =
        CommandRun.of("schemas", "check", "--config", added + "", "-s", settings + "");
    assertThat(compatible.exitCode()).as(compatible.out()).isZero();
    assertThat(compatible.out()).contains("person -> " + topic(run, "person") + ": compatible");

    ObjectNode retyped = personConfig();
    attributes(retyped).set("gender", JSON.readTree("{\"type\": \"integer\"}"));
    Path broken = Files.writeString(dir.resolve("broken.json"), JSON.writeValueAsString(retyped));
    CommandRun refused =
        CommandRun.of("schemas", "check", "--config", broken + "", "-s", settings + "");
    assertThat(refused.exitCode()).isEqualTo(SchemasCommand.INCOMPATIBLE);
    assertThat(refused.out())
        .contains("person -> " + topic(run, "person") + ": INCOMPATIBLE")
        .contains("entity 'person', attribute 'gender'")
        .contains("address -> " + topic(run, "address") + ": compatible")
        .contains("1 of 5 entities incompatible");

    CommandRun notRegistered =
        CommandRun.of("schemas", "register", "--config", broken + "", "-s", settings + "");
    assertThat(notRegistered.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
    assertThat(notRegistered.err()).doesNotContain("\tat ");
  }

  @Test
  void generatedPersonsAreIngestedToTheirEntitiesTopics(
      KafkaEndpoint kafka, RegistryEndpoint registry, @TempDir Path dir) throws Exception {
    String run = UUID.randomUUID().toString();
    Path settings = settings(dir, kafka, registry, run, true);
    Path events = dir.resolve("persons.jsonl");
    CommandRun generated =
        CommandRun.of(
            "generate",
            "--model",
            "person",
            "--users",
            "30",
            "--seed",
            "5",
            "--out",
            events + "",
            "--no-progress");
    assertThat(generated.exitCode()).as(generated.err()).isZero();
    List<String> lines = Files.readAllLines(events);
    Map<String, Long> perEntity =
        lines.stream()
            .collect(Collectors.groupingBy(PersonModelIT::entityOf, Collectors.counting()));
    assertThat(perEntity).containsOnlyKeys(PLURALS.keySet());
    Files.writeString(events, "{\"entity\": \"pet\"}\n", StandardOpenOption.APPEND);

    CommandRun imported =
        CommandRun.of(
            "ingest",
            "file",
            events + "",
            "--model",
            "person",
            "-s",
            settings + "",
            "--no-progress");
    assertThat(imported.exitCode()).as(imported.err()).isEqualTo(1);
    assertThat(imported.err())
        .contains("line " + (lines.size() + 1) + ": ")
        .contains("unknown entity 'pet'")
        .doesNotContain("\tat ");
    Map<String, Long> onTopics = new HashMap<>();
    for (String entity : PLURALS.keySet()) {
      onTopics.put(entity, records(kafka, topic(run, entity)));
    }
    assertThat(onTopics).isEqualTo(perEntity);
  }

  private static String entityOf(String line) {
    try {
      return JSON.readTree(line).get("entity").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path settings(
      Path dir, KafkaEndpoint kafka, RegistryEndpoint registry, String run, boolean autoRegister)
      throws Exception {
    StringBuilder text =
        new StringBuilder()
            .append("kafka.bootstrap.servers=")
            .append(kafka.bootstrapServers())
            .append("\nregistry.url=")
            .append(registry.url())
            .append("\nregistry.auto-register=")
            .append(autoRegister)
            .append('\n');
    PLURALS.forEach(
        (entity, plural) ->
            text.append("topics.")
                .append(plural)
                .append('=')
                .append(topic(run, entity))
                .append('\n'));
    return Files.writeString(dir.resolve("settings-" + autoRegister + ".properties"), text);
  }

  private static String topic(String run, String entity) {
    return "person-it." + run + "." + PLURALS.get(entity);
  }

  private static ObjectNode personConfig() throws Exception {
    return (ObjectNode) JSON.readTree(ExampleConfigs.person());
  }

  private static ObjectNode attributes(ObjectNode config) {
    return (ObjectNode) config.path("entities").path("person").path("attributes");
  }

  private static long records(KafkaEndpoint kafka, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
