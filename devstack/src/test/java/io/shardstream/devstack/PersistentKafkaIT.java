package io.shardstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.devstack.testing.ProgressWait;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KafkaStorage#PERSISTENT}: what {@code shardstream demo} relies on to keep its event log,
 * its consumer offsets and the writer's changelogs between runs.
 */
class PersistentKafkaIT {

  private static final String TOPIC = "kept.events";
  private static final String GROUP = "kept-reader";
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

  @TempDir Path dataDirectory;

  @Test
  void keepsTopicsRecordsAndCommittedOffsetsAcrossRestartsUntilAFreshStart() throws Exception {
    LocalStackConfig config =
        LocalStackConfig.forTests(dataDirectory)
            .withComponents(Component.KAFKA)
            .withKafkaStorage(KafkaStorage.PERSISTENT);
    String clusterId;

    try (LocalStack first = LocalStack.start(config);
        Admin admin = admin(first)) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
      produce(first, "one", "two", "three");
      commitOffset(first, 2);
      clusterId = admin.describeCluster().clusterId().get();
    }
    assertThat(dataDirectory.resolve("kafka/node-1/meta.properties")).exists();

    try (LocalStack second = LocalStack.start(config);
        Admin admin = admin(second)) {
      assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
      assertThat(admin.listTopics().names().get()).contains(TOPIC);
      assertThat(readAll(second, 3)).containsExactly("one", "two", "three");
      assertThat(committedOffsets(admin)).containsEntry(PARTITION, new OffsetAndMetadata(2));
    }

    try (LocalStack fresh = LocalStack.start(config.withFresh(true));
        Admin admin = admin(fresh)) {
      assertThat(admin.describeCluster().clusterId().get()).isNotEqualTo(clusterId);
      assertThat(admin.listTopics().names().get()).doesNotContain(TOPIC);
      assertThat(committedOffsets(admin)).isEmpty();
    }
  }

  /**
   * Every record carries the id its schema had in the registry: with a kept log, the registry keeps
   * its schemas too (and {@code fresh} drops both), or old records would name unknown ids.
   */
  @Test
  void theRegistryKeepsItsSchemasWithAKeptLog() throws Exception {
    LocalStackConfig config =
        LocalStackConfig.forTests(dataDirectory)
            .withComponents(Component.REGISTRY)
            .withKafkaStorage(KafkaStorage.PERSISTENT);
    String schema =
        "{\"type\":\"record\",\"name\":\"Kept\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
    int id;
    try (LocalStack first = LocalStack.start(config)) {
      HttpResponse<String> registered =
          http(first, "subjects/kept-value/versions", "{\"schema\":" + quote(schema) + "}");
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
      id = Integer.parseInt(registered.body().replaceAll("\\D", ""));
    }
    try (LocalStack second = LocalStack.start(config)) {
      HttpResponse<String> found = http(second, "schemas/ids/" + id, null);
      assertThat(found.statusCode()).isEqualTo(200);
      assertThat(found.body()).contains("Kept");
    }
    try (LocalStack fresh = LocalStack.start(config.withFresh(true))) {
      assertThat(http(fresh, "schemas/ids/" + id, null).statusCode()).isEqualTo(404);
    }
  }

  private static HttpResponse<String> http(LocalStack stack, String path, String body)
      throws Exception {
    URI uri = URI.create(stack.endpoints().registryCcompatUrl() + "/" + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (body != null) {
      request
          .header("Content-Type", "application/vnd.schemaregistry.v1+json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void perRunStorageStartsEmptyAndLeavesNoFolderBehind() throws Exception {
    LocalStackConfig config =
        LocalStackConfig.forTests(dataDirectory).withComponents(Component.KAFKA);

    try (LocalStack stack = LocalStack.start(config);
        Admin admin = admin(stack)) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
      assertThat(dataDirectory.resolve("kafka")).isNotEmptyDirectory();
    }

    assertThat(dataDirectory.resolve("kafka")).isEmptyDirectory();
  }

  private static Admin admin(LocalStack stack) {
    return Admin.create(
        Map.<String, Object>of("bootstrap.servers", stack.endpoints().kafkaBootstrapServers()));
  }

  private static void produce(LocalStack stack, String... values) throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.endpoints().kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(TOPIC, value)).get();
      }
    }
  }

  private static void commitOffset(LocalStack stack, long offset) {
    try (KafkaConsumer<String, String> consumer = consumer(stack, GROUP)) {
      consumer.commitSync(Map.of(PARTITION, new OffsetAndMetadata(offset)));
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(Admin admin)
      throws Exception {
    return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
  }

  private static List<String> readAll(LocalStack stack, int expected) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer(stack, null)) {
      consumer.assign(List.of(PARTITION));
      consumer.seekToBeginning(List.of(PARTITION));
      ProgressWait.until(
              expected + " records",
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return values.size() >= expected;
              })
          .progress("records read", values::size)
          .tryAwait();
    }
    return values;
  }

  private static KafkaConsumer<String, String> consumer(LocalStack stack, String group) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrapServers());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    if (group != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }
}
