package io.shardstream.writer;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.LoadedConfig;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.service.CommonSettings;
import io.shardstream.service.Setting;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsCheck;
import io.shardstream.service.SettingsException;
import io.shardstream.service.SettingsSpec;
import io.shardstream.writer.state.StoreKind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * What the writer runs with, read from {@link Settings} (a properties/YAML file, every key
 * overridable by a {@code SHARDSTREAM_*} environment variable) and checked all at once. Every key
 * is declared once in {@link #SPEC}: its default, rule and doc (the README tables are rendered from
 * it).
 *
 * @param kafka Kafka Streams settings: every {@code kafka.*} key without the prefix (client, {@code
 *     producer.*} and {@code consumer.*} settings included)
 * @param registry the schema registry (URL and API; the writer only looks schemas up); empty with
 *     {@code serde.format=plain-avro}
 */
public record WriterSettings(
    String applicationId,
    Map<String, String> kafka,
    SerdeFormat serdeFormat,
    Optional<RegistrySettings> registry,
    TopicNames topics,
    boolean createSourceTopics,
    int sourcePartitions,
    Optional<URI> dynamoDbEndpoint,
    Optional<String> dynamoDbRegion,
    String table,
    boolean createTable,
    EntityConfig entityConfig,
    String entityConfigSource,
    String httpHost,
    int httpPort,
    int flushMaxOps,
    Duration futureSkew,
    StoreKind storeKind,
    int maxConcurrentBatches,
    Duration writeRetryMaxElapsed,
    Duration failureBackoff) {

  /** How the event values on the source topics are framed. */
  public enum SerdeFormat {
    /** Confluent wire format through the schema registry (production). */
    REGISTRY,
    /** Plain Avro binary of the current schemas, no registry (tests, files). */
    PLAIN_AVRO
  }

  public static final int DEFAULT_HTTP_PORT = 8090;

  static final Setting<String> APPLICATION = CommonSettings.WRITER_APPLICATION_ID;

  /** The only guarantee the table sink can keep: it writes inside the transaction commit. */
  static final Setting<String> GUARANTEE =
      Setting.of(
          "kafka." + StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
          StreamsConfig.EXACTLY_ONCE_V2,
          WriterSettings::exactlyOnce,
          "the only value accepted: the table writes are made durable inside the transaction"
              + " commit (see Durability)");

  static final Setting<String> COMMIT_INTERVAL =
      Setting.text(
          "kafka.commit.interval.ms",
          "1000",
          "each commit writes the buffered table writes: longer = bigger batches, later"
              + " visibility");

  static final Setting<String> MAX_TASK_IDLE =
      Setting.text(
          "kafka.max.task.idle.ms",
          "-1",
          "process what is fetched: the stages do not need timestamp order across their input"
              + " topics, and the internal topics are often empty (waiting on them would stall)");

  static final Setting<String> TRANSACTION_TIMEOUT =
      Setting.text(
          "kafka.producer.transaction.timeout.ms",
          "60000",
          "the table is written while the transaction is open: leave it time");

  static final Setting<SerdeFormat> SERDE =
      Setting.choice(
          "serde.format",
          SerdeFormat.REGISTRY,
          SerdeFormat.class,
          "`registry` (Confluent wire format) or `plain-avro` (no registry: tests, files)");

  static final Setting<Boolean> CREATE_SOURCES =
      Setting.bool(
          "writer.create-source-topics",
          false,
          "create missing source topics (local set-ups) with `writer.source-partitions`");

  static final Setting<Integer> PARTITIONS =
      Setting.integer(
          "writer.source-partitions", 3, 1, 10_000, "partitions of source topics it creates");

  static final Setting<Boolean> CREATE_TABLE =
      Setting.bool(
          "dynamodb.create-table",
          true,
          "create the table and its GSIs from the entity config if missing; an existing table of"
              + " another shape stops the start");

  static final Setting<Integer> FLUSH_OPS =
      Setting.integer(
          "writer.flush.max-ops",
          1000,
          1,
          1_000_000,
          "a task's sink writes its buffer early once it holds this many operations");

  static final Setting<Duration> SKEW =
      Setting.duration(
          "writer.future-skew",
          "5m",
          Duration.ZERO,
          Duration.ofDays(30),
          "how far after the record's timestamp `created` may lie");

  static final Setting<StoreKind> STORE =
      Setting.choice(
          "writer.state.store",
          StoreKind.ROCKSDB,
          StoreKind.class,
          "`rocksdb` or `memory` (both changelogged)");

  static final Setting<Integer> BATCHES =
      Setting.integer(
          "writer.dynamodb.max-concurrent-batches",
          8,
          1,
          256,
          "BatchWriteItem requests in flight per flush");

  static final Setting<Duration> RETRY =
      Setting.duration(
          "writer.dynamodb.retry-max-elapsed",
          "30s",
          Duration.ZERO,
          Duration.ofHours(1),
          "how long one batch retries throttling/outages before the flush fails");

  static final Setting<Duration> BACKOFF =
      Setting.duration(
          "writer.failure-backoff",
          "5s",
          Duration.ZERO,
          Duration.ofHours(1),
          "pause after a failed flush (or an unreachable registry) before the records are"
              + " processed again");

  static final Setting<Integer> PORT =
      CommonSettings.HTTP_PORT
          .withDefault(Integer.toString(DEFAULT_HTTP_PORT))
          .withDoc("`/health/live`, `/health/ready`, `/metrics`; 0 picks a free port");

  /** Every key the writer reads, in the order of its README table. */
  public static final SettingsSpec SPEC =
      SettingsSpec.of(
          "writer",
          APPLICATION,
          CommonSettings.KAFKA.withDoc(
              "passed to Kafka Streams without the prefix (`producer.*`, `consumer.*` too)"),
          CommonSettings.KAFKA_BOOTSTRAP_SERVERS,
          GUARANTEE,
          COMMIT_INTERVAL,
          MAX_TASK_IDLE,
          TRANSACTION_TIMEOUT,
          SERDE,
          CommonSettings.REGISTRY_URL.withDoc(
              CommonSettings.REGISTRY_URL.doc() + "; the writer only looks schemas up"),
          CommonSettings.REGISTRY_API,
          CommonSettings.TOPICS_ENTITIES,
          CommonSettings.TOPICS_DEAD_LETTERS,
          CommonSettings.TOPICS_APPLIED_CHANGES,
          CREATE_SOURCES,
          PARTITIONS,
          CommonSettings.DYNAMODB_ENDPOINT,
          CommonSettings.DYNAMODB_REGION,
          CommonSettings.DYNAMODB_TABLE,
          CREATE_TABLE,
          CommonSettings.ENTITY_CONFIG.withDoc(
              CommonSettings.ENTITY_CONFIG.doc()
                  + "; each entity reads `topics.<plural>` (default `<plural>.changes`)"),
          CommonSettings.HTTP_HOST,
          PORT,
          FLUSH_OPS,
          SKEW,
          STORE,
          BATCHES,
          RETRY,
          BACKOFF);

  // Keys other modules and tests name.
  public static final String APPLICATION_ID = APPLICATION.key();
  public static final String REGISTRY_URL = RegistrySettings.URL;
  public static final String REGISTRY_API = RegistrySettings.API;
  public static final String CREATE_SOURCE_TOPICS = CREATE_SOURCES.key();
  public static final String SOURCE_PARTITIONS = PARTITIONS.key();
  public static final String DYNAMODB_TABLE = CommonSettings.DYNAMODB_TABLE.key();
  public static final String HTTP_HOST = CommonSettings.HTTP_HOST.key();
  public static final String HTTP_PORT = PORT.key();
  public static final String FAILURE_BACKOFF = BACKOFF.key();

  /** Every key with its default ({@code ""}: unset). */
  public static Map<String, String> defaults() {
    return SPEC.defaults();
  }

  /** Defaults, then the file (when given), then {@code environment}. */
  public static Settings load(Path file, Map<String, String> environment) {
    return SPEC.load(file, environment);
  }

  /**
   * @throws SettingsException naming every bad setting and its environment variable
   */
  public static WriterSettings from(Settings settings) {
    SettingsCheck check = SPEC.check(settings);
    String applicationId = check.get(APPLICATION);
    Map<String, String> kafka = check.get(CommonSettings.KAFKA);
    check.get(CommonSettings.KAFKA_BOOTSTRAP_SERVERS);
    check.get(GUARANTEE);
    SerdeFormat format = check.get(SERDE);
    Optional<RegistrySettings> registry =
        format == SerdeFormat.REGISTRY
            ? CommonSettings.registry(check, false)
            : Optional.<RegistrySettings>empty();
    String deadLetters = check.get(CommonSettings.TOPICS_DEAD_LETTERS);
    String appliedChanges = check.get(CommonSettings.TOPICS_APPLIED_CHANGES);
    LoadedConfig config = CommonSettings.entityConfig(check);
    Map<String, String> entityTopics =
        config == null ? Map.of() : CommonSettings.entityTopics(check, config.config());
    TopicNames topics =
        config == null
            ? null
            : TopicNames.of(
                applicationId,
                config.config(),
                entity -> entityTopics.get(entity.token()),
                deadLetters,
                appliedChanges);
    WriterSettings writer =
        new WriterSettings(
            applicationId,
            kafka,
            format,
            registry,
            topics,
            check.get(CREATE_SOURCES),
            check.get(PARTITIONS),
            check.get(CommonSettings.DYNAMODB_ENDPOINT),
            check.get(CommonSettings.DYNAMODB_REGION),
            check.get(CommonSettings.DYNAMODB_TABLE),
            check.get(CREATE_TABLE),
            config == null ? null : config.config(),
            config == null ? null : config.source(),
            check.get(CommonSettings.HTTP_HOST),
            check.get(PORT),
            check.get(FLUSH_OPS),
            check.get(SKEW),
            check.get(STORE),
            check.get(BATCHES),
            check.get(RETRY),
            check.get(BACKOFF));
    check.throwIfAny();
    return writer;
  }

  /** Kafka Streams' properties: the {@code kafka.*} settings and the application id. */
  public Properties streamsProperties() {
    Properties properties = new Properties();
    properties.putAll(kafka);
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    return properties;
  }

  /**
   * The serdes of the source events: through the registry, or plain Avro ({@code serde.format}).
   */
  public ChangeEventSerdes serdes() {
    return switch (serdeFormat) {
      case REGISTRY -> ChangeEventSerdes.registry(registry.orElseThrow());
      case PLAIN_AVRO -> ChangeEventSerdes.plainAvro();
    };
  }

  /**
   * The settings of a replay: the same sources, Kafka, registry and DynamoDB, but its own
   * application id (consumer group, internal topics, state), its own dead-letter and change-feed
   * topics (the live writer's dead letters are not repeated, and the live feed announces only the
   * live table's changes), another table and entity configuration, reading every source topic from
   * the beginning, and an ops port picked by the system (the live writer may hold the configured
   * one).
   */
  public WriterSettings forReplay(
      String replayApplicationId, String replayTable, EntityConfig config, String configSource) {
    Map<String, String> replayKafka = new LinkedHashMap<>(kafka);
    replayKafka.remove("consumer.auto.offset.reset");
    replayKafka.put("auto.offset.reset", "earliest");
    TopicNames replayTopics =
        topics.withApplication(
            replayApplicationId,
            replayApplicationId + "-dead-letters",
            replayApplicationId + "-applied-changes");
    return new WriterSettings(
        replayApplicationId,
        Map.copyOf(replayKafka),
        serdeFormat,
        registry,
        replayTopics,
        false,
        sourcePartitions,
        dynamoDbEndpoint,
        dynamoDbRegion,
        replayTable,
        true,
        config,
        configSource,
        httpHost,
        0,
        flushMaxOps,
        futureSkew,
        storeKind,
        maxConcurrentBatches,
        writeRetryMaxElapsed,
        failureBackoff);
  }

  /**
   * The table sink writes its buffer when the producer commits the transaction that carries the
   * consumed offsets; under at_least_once no transaction would wait for it.
   */
  private static String exactlyOnce(String guarantee) {
    if (!StreamsConfig.EXACTLY_ONCE_V2.equals(guarantee)) {
      throw new IllegalArgumentException(
          "must be "
              + StreamsConfig.EXACTLY_ONCE_V2
              + ", got '"
              + guarantee
              + "': the table writes are made durable inside its transaction commit");
    }
    return guarantee;
  }
}
