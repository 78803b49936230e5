package io.shardstream.writer.testing;

import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.dynamo.DynamoDbClients;
import io.shardstream.dynamo.ItemMapper;
import io.shardstream.service.Settings;
import io.shardstream.writer.WriterSettings;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** The integration tests' hands on the real broker, DynamoDB Local and the writer's settings. */
public final class LiveStack implements AutoCloseable {
  private final KafkaEndpoint kafka;
  private final DynamoDbEndpoint dynamoDb;
  private final Admin admin;
  private final DynamoDbClient client;

  public LiveStack(KafkaEndpoint kafka, DynamoDbEndpoint dynamoDb) {
    this.kafka = kafka;
    this.dynamoDb = dynamoDb;
    this.admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    this.client =
        DynamoDbClients.create(
            DynamoDbClients.Settings.defaults()
                .withLocalEndpoint(
                    dynamoDb.url(),
                    DynamoDbEndpoint.REGION,
                    DynamoDbEndpoint.ACCESS_KEY_ID,
                    DynamoDbEndpoint.SECRET_ACCESS_KEY));
  }

  /** Writer settings for this stack: defaults, then the stack's endpoints, then {@code extra}. */
  public Settings writerSettings(
      String name, RegistryEndpoint registry, Path stateDir, Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(WriterSettings.defaults());
    values.put("application.id", name + "-writer");
    values.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    values.put("kafka.state.dir", stateDir.toString());
    // Small commits: the tests wait for settled counters, and commits settle them.
    values.put("kafka.commit.interval.ms", "200");
    values.put("registry.url", registry.url().toString());
    values.put("topics.users", name + ".users.changes");
    values.put("topics.emails", name + ".emails.changes");
    values.put("topics.dead-letters", name + ".dlq");
    values.put("dynamodb.endpoint", dynamoDb.url().toString());
    values.put("dynamodb.region", DynamoDbEndpoint.REGION);
    values.put("dynamodb.table", name);
    values.put("http.host", "127.0.0.1");
    values.put("http.port", "0");
    values.put("writer.failure-backoff", "1s");
    values.putAll(extra);
    return Settings.of(values);
  }

  public void createTopics(int partitions, String... names) throws Exception {
    List<NewTopic> topics = new ArrayList<>();
    for (String name : names) {
      topics.add(new NewTopic(name, partitions, (short) 1));
    }
    admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
  }

  public KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            5,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            2_000_000),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  /**
   * Every committed record of a topic, read from the start until {@code count} or until none has
   * arrived for {@code timeout}.
   */
  public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int count, Duration timeout) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
            2_000_000);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // Reads on while records keep arriving; gives up after `timeout` without a new one and
      // returns what it has: the caller's assertions then show what is missing.
      ProgressWait.until(
              "reading " + count + " records of " + topic,
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
              })
          .progress("records read", records::size)
          .stallTimeout(timeout)
          .tryAwait();
      // A little longer, to catch records beyond the expected count.
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    return records;
  }

  /** The consumer group's committed offsets summed over the topic's partitions. */
  public long committedOffsets(String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    return offsets.entrySet().stream()
        .filter(e -> e.getKey().topic().equals(topic))
        .filter(e -> e.getValue() != null)
        .mapToLong(e -> e.getValue().offset())
        .sum();
  }

  /** The topic's end offsets summed (transaction markers included). */
  public long endOffsets(String topic) throws Exception {
    Set<TopicPartition> partitions = new java.util.HashSet<>();
    admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .get(topic)
        .partitions()
        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
    return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
        .mapToLong(info -> info.offset())
        .sum();
  }

  /** Every item of the table, as plain values, by "hashKey|rangeKey". */
  public Map<String, Map<String, Object>> scan(String table) {
    Map<String, Map<String, Object>> items = new TreeMap<>();
    for (ScanResponse page : client.scanPaginator(b -> b.tableName(table))) {
      page.items()
          .forEach(
              attributes -> {
                Map<String, Object> item = ItemMapper.fromAttributes(attributes);
                items.put(item.get("hashKey") + "|" + item.get("rangeKey"), item);
              });
    }
    return items;
  }

  public DynamoDbClient dynamoDb() {
    return client;
  }

  public static int httpStatus(int port, String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }
  }

  public static String httpGet(int port, String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }

  /**
   * Waits for {@code condition} while {@code state} changes: the state text carries the progress
   * (events, lag, committed offsets), so the wait fails only when it has stayed the same for {@code
   * stallTimeout}, never because a slow machine needs longer in total.
   */
  public static void await(
      Duration stallTimeout, BooleanSupplier condition, Supplier<String> state) {
    ProgressWait.until("condition not met", condition)
        .progress("state", state)
        .stallTimeout(stallTimeout)
        .await();
  }

  @Override
  public void close() {
    admin.close();
    client.close();
  }
}
