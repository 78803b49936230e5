package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code shardstream generate} to a file, then {@code shardstream ingest file} into real Kafka. */
@ExtendWith(DevStackExtension.class)
class GenerateAndIngestIT {
  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  @Test
  void generatedFileImportsWithBadLinesReportedByNumber(
      KafkaEndpoint kafka, RegistryEndpoint registry, @TempDir Path dir) throws Exception {
    Path events = dir.resolve("events.jsonl");
    Path again = dir.resolve("again.jsonl");
    assertThat(
            run(
                    "generate",
                    "--users",
                    "40",
                    "--seed",
                    "7",
                    "--out",
                    events.toString(),
                    "--no-progress")
                .exitCode())
        .isZero();
    assertThat(
            run(
                    "generate",
                    "--users",
                    "40",
                    "--seed",
                    "7",
                    "--out",
                    again.toString(),
                    "--no-progress")
                .exitCode())
        .isZero();
    assertThat(Files.readString(again))
        .as("same seed, same events")
        .isEqualTo(Files.readString(events));
    long good = Files.readAllLines(events).stream().filter(l -> !l.isBlank()).count();
    Files.writeString(
        events, "{\"type\": \"user\", \"op\": \"UPSERT\"}\nnot json\n", StandardOpenOption.APPEND);

    Path settings = dir.resolve("ingest.properties");
    Files.writeString(
        settings,
        "kafka.bootstrap.servers="
            + kafka.bootstrapServers()
            + "\n"
            + "registry.url="
            + registry.url()
            + "\n"
            + "registry.auto-register=true\n");
    Map<String, Long> before = endOffsets(kafka);
    CommandRun imported =
        run(
            "ingest",
            "file",
            events.toString(),
            "--settings",
            settings.toString(),
            "--no-progress");
    assertThat(imported.exitCode()).as(imported.err()).isEqualTo(1);
    assertThat(imported.err())
        .contains("line " + (good + 1) + ":")
        .contains("line " + (good + 2) + ":")
        .doesNotContain("\tat ");
    Map<String, Long> after = endOffsets(kafka);
    long produced =
        after.entrySet().stream()
            .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L))
            .sum();
    assertThat(produced).isEqualTo(good);
  }

  /**
   * A registry that cannot be reached stops {@code generate} before it sends anything: exit 2 (a
   * problem to fix), never 1, which means bad input lines.
   */
  @Test
  void generateStoppedByTheRegistryExitsTwo(KafkaEndpoint kafka, @TempDir Path dir)
      throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path settings = dir.resolve("unreachable-registry.properties");
    Files.writeString(
        settings,
        "kafka.bootstrap.servers="
            + kafka.bootstrapServers()
            + "\nregistry.url=http://127.0.0.1:"
            + closedPort
            + "\n");
    CommandRun generated =
        run("generate", "--users", "5", "--settings", settings.toString(), "--no-progress");
    assertThat(generated.exitCode()).as(generated.err()).isEqualTo(UserErrorHandler.USER_ERROR);
    assertThat(generated.err())
        .contains("127.0.0.1:" + closedPort, "registry.url")
        .doesNotContain("\tat ");
  }

  private static Map<String, Long> endOffsets(KafkaEndpoint kafka) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      Map<String, Long> ends = new java.util.HashMap<>();
      for (String topic : List.of("users.changes", "emails.changes")) {
        List<TopicPartition> partitions =
            consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.endOffsets(partitions).forEach((tp, offset) -> ends.put(tp.toString(), offset));
      }
      return ends;
    } catch (org.apache.kafka.common.errors.TimeoutException noTopicYet) {
      return Map.of();
    }
  }
}
