package io.shardstream.bench.ingest;

import io.shardstream.bench.BenchException;
import io.shardstream.bench.report.Machine;
import io.shardstream.bench.report.chart.LineChart.Point;
import io.shardstream.bench.report.chart.RateSampler;
import io.shardstream.devstack.Component;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.DynamoDbStorage;
import io.shardstream.devstack.LocalStack;
import io.shardstream.devstack.LocalStackConfig;
import io.shardstream.devstack.LocalStackEndpoints;
import io.shardstream.ingest.IngestSettings;
import io.shardstream.ingest.ProgressDisplay;
import io.shardstream.ingest.RateLimiter;
import io.shardstream.ingest.file.FileImporter;
import io.shardstream.ingest.file.ImportOptions;
import io.shardstream.ingest.file.ImportReport;
import io.shardstream.ingest.file.JsonLinesEventSink;
import io.shardstream.ingest.generate.EventGenerator;
import io.shardstream.ingest.generate.GeneratorOptions;
import io.shardstream.ingest.generate.GeneratorRun;
import io.shardstream.ingest.kafka.KafkaEventSink;
import io.shardstream.ingest.stream.DdbStreamSource;
import io.shardstream.ingest.stream.KclTimings;
import io.shardstream.ingest.stream.SourceEntity;
import io.shardstream.ingest.stream.SourceMapping;
import io.shardstream.ingest.stream.StreamSourceConfig;
import io.shardstream.schemas.Topics;
import io.shardstream.service.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Runs {@code bench ingest} on a fresh local stack (Kafka, DynamoDB Local in memory, registry): the
 * file import first, then the stream source. Stream latency is measured in one JVM with one clock:
 * the time just before each PutItem, to the moment a consumer of {@code users.changes} polls that
 * item's event. One warm-up item must arrive before measuring starts, so KCL's start-up and first
 * lease assignment are reported apart.
 */
final class IngestBenchmark {
  private static final String SOURCE_TABLE = "bench-ingest-users";
  private static final long CREATED = 1_740_824_130_123L;
  private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(120);

  /** How often the import's acknowledged events are noted, for the chart. */
  private static final Duration SAMPLE_EVERY = Duration.ofMillis(100);

  private final int users;
  private final int streamItems;
  private final double streamRate;
  private final Path devstackDir;
  private final Path workDir;
  private final Consumer<String> progress;

  IngestBenchmark(
      int users,
      int streamItems,
      double streamRate,
      Path devstackDir,
      Path workDir,
      Consumer<String> progress) {
    this.users = users;
    this.streamItems = streamItems;
    this.streamRate = streamRate;
    this.devstackDir = devstackDir;
    this.workDir = workDir;
    this.progress = progress;
  }

  IngestReport run() throws Exception {
    double loadAtStart = Machine.loadAverage();
    Path file = generate();
    progress.accept("starting devstack (Kafka, DynamoDB Local, registry) ...");
    try (LocalStack stack =
        LocalStack.start(
            LocalStackConfig.defaults()
                .withPort(Component.KAFKA, 0)
                .withPort(Component.DYNAMODB, 0)
                .withPort(Component.REGISTRY, 0)
                .withDynamoDbStorage(DynamoDbStorage.IN_MEMORY)
                .withDataDirectory(devstackDir))) {
      LocalStackEndpoints endpoints = stack.endpoints();
      Settings ingest =
          Settings.of(
              Map.of(
                  IngestSettings.BOOTSTRAP_SERVERS,
                  endpoints.kafkaBootstrapServers(),
                  IngestSettings.REGISTRY_URL,
                  endpoints.registryUrl().toString(),
                  IngestSettings.REGISTRY_AUTO_REGISTER,
                  "true"));
      RateSampler acknowledged = RateSampler.start(SAMPLE_EVERY);
      ImportReport imported;
      try (acknowledged) {
        imported = importFile(file, ingest, acknowledged);
      }
      return stream(endpoints, ingest, imported, loadAtStart, acknowledged.totals());
    }
  }

  private Path generate() throws IOException {
    Files.createDirectories(workDir);
    Path file = workDir.resolve("events.jsonl");
    progress.accept("generating " + users + " users to " + file + " ...");
    try (JsonLinesEventSink sink = JsonLinesEventSink.toFile(file)) {
      GeneratorRun.run(
          new EventGenerator(GeneratorOptions.defaults().withUsers(users).withSeed(42)),
          sink,
          RateLimiter.unlimited(),
          ProgressDisplay.none());
    }
    return file;
  }

  private ImportReport importFile(Path file, Settings ingest, RateSampler acknowledged) {
    progress.accept("importing " + file + " into Kafka ...");
    try (KafkaEventSink sink = KafkaEventSink.fromSettings(ingest)) {
      ImportReport report =
          FileImporter.run(
              file,
              ImportOptions.defaults(),
              new CountingSink(sink, acknowledged),
              ProgressDisplay.none());
      if (!report.succeeded()) {
        throw new BenchException("file import failed: " + report.summary());
      }
      progress.accept(report.summary());
      return report;
    } catch (IOException e) {
      throw new BenchException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private IngestReport stream(
      LocalStackEndpoints endpoints,
      Settings ingest,
      ImportReport imported,
      double loadAtStart,
      List<Point> fileAcknowledged)
      throws Exception {
    DynamoDbEndpoint dynamoDb = endpoints.dynamoDb();
    try (DynamoDbClient dynamo = client(dynamoDb);
        KafkaConsumer<String, byte[]> consumer = consumerAtEnd(endpoints.kafkaBootstrapServers());
        KafkaEventSink sink = KafkaEventSink.fromSettings(ingest)) {
      createSourceTable(dynamo);
      StreamSourceConfig config =
          StreamSourceConfig.of(SourceMapping.of(SOURCE_TABLE, SourceEntity.USER), dynamoDb.url())
              .withTimings(KclTimings.responsive());
      progress.accept("starting the stream source (KCL start-up takes 20-50 s) ...");
      long start = System.nanoTime();
      try (DdbStreamSource source = DdbStreamSource.start(config, sink)) {
        source.started().get(180, TimeUnit.SECONDS);
        Duration startup = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Long> putAt = new ConcurrentHashMap<>();
        put(dynamo, "warm-up", putAt);
        awaitArrivals(consumer, putAt, new HashMap<>(), 1);
        progress.accept(
            String.format(
                java.util.Locale.ROOT,
                "KCL reading; writing %d items at %.0f/s ...",
                streamItems,
                streamRate));
        putAt.clear();
        Thread writer =
            Thread.ofPlatform()
                .name("bench-puts")
                .start(
                    () -> {
                      RateLimiter limiter = RateLimiter.perSecond(streamRate);
                      for (int i = 0;
                          i < streamItems && !Thread.currentThread().isInterrupted();
                          i++) {
                        limiter.acquire();
                        put(dynamo, "u-" + i, putAt);
                      }
                    });
        Map<String, Long> latencies = new HashMap<>();
        awaitArrivals(consumer, putAt, latencies, streamItems);
        writer.join();
        if (source.failure().isPresent()) {
          throw new BenchException(
              "the stream source failed: " + source.failure().get().getMessage());
        }
        long[] samples = latencies.values().stream().mapToLong(Long::longValue).toArray();
        return new IngestReport(
            imported.eventsAcknowledged(),
            imported.elapsed(),
            samples,
            streamRate,
            startup,
            Machine.describe(loadAtStart),
            fileAcknowledged);
      }
    }
  }

  /** Polls until {@code count} measured items' events arrived; latency = arrival − put, in ms. */
  private static void awaitArrivals(
      KafkaConsumer<String, byte[]> consumer,
      Map<String, Long> putAt,
      Map<String, Long> latencies,
      int count) {
    long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
    while (latencies.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new BenchException(
            latencies.size() + " of " + count + " stream events arrived within " + ARRIVAL_TIMEOUT);
      }
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
        long now = System.currentTimeMillis();
        Long put = putAt.get(record.key());
        if (put != null) {
          latencies.putIfAbsent(record.key(), now - put);
        }
      }
    }
  }

  private static void put(DynamoDbClient dynamo, String userId, Map<String, Long> putAt) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("userId", AttributeValue.fromS(userId));
    item.put("beneficiaryId", AttributeValue.fromS("b-1"));
    item.put("firstName", AttributeValue.fromS("Ana"));
    item.put("lastName", AttributeValue.fromS("Gómez"));
    item.put("created", AttributeValue.fromN(Long.toString(CREATED)));
    item.put("updated", AttributeValue.fromN(Long.toString(CREATED)));
    item.put("version", AttributeValue.fromN("1"));
    putAt.put(userId, System.currentTimeMillis());
    dynamo.putItem(r -> r.tableName(SOURCE_TABLE).item(item));
  }

  private static KafkaConsumer<String, byte[]> consumerAtEnd(String bootstrapServers) {
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", bootstrapServers, "fetch.max.wait.ms", 10),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.USERS.name(), Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(
        consumer::position); // resolve the end now, before any stream event is produced
    return consumer;
  }

  private static void createSourceTable(DynamoDbClient dynamo) {
    dynamo.createTable(
        r ->
            r.tableName(SOURCE_TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(
                    KeySchemaElement.builder()
                        .attributeName("userId")
                        .keyType(KeyType.HASH)
                        .build())
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("userId")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .streamSpecification(
                    s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    dynamo.waiter().waitUntilTableExists(r -> r.tableName(SOURCE_TABLE));
  }

  private static DynamoDbClient client(DynamoDbEndpoint endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint.url())
        .region(Region.of(DynamoDbEndpoint.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    DynamoDbEndpoint.ACCESS_KEY_ID, DynamoDbEndpoint.SECRET_ACCESS_KEY)))
        .build();
  }
}
