package io.shardstream.writer;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.ConfigValidationException;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistryApi;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.service.InputFiles;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsException;
import io.shardstream.service.SettingsLoader;
import io.shardstream.writer.state.StoreKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.streams.StreamsConfig;

/**
 * What the writer runs with, read from {@link Settings} (a properties/YAML file, every key
 * overridable by a {@code SHARDSTREAM_*} environment variable) and checked all at once. Every key
 * and its default is in {@link #defaults()} and the module's README.
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

  public static final String APPLICATION_ID = "application.id";
  public static final String KAFKA_PREFIX = "kafka";

  /** The only guarantee the table sink can keep: it writes inside the transaction commit. */
  public static final String PROCESSING_GUARANTEE =
      KAFKA_PREFIX + "." + StreamsConfig.PROCESSING_GUARANTEE_CONFIG;

  public static final String SERDE_FORMAT = "serde.format";
  public static final String REGISTRY_URL = RegistrySettings.URL;
  public static final String REGISTRY_API = RegistrySettings.API;
  public static final String TOPIC_USERS = Topics.USERS.settingKey();
  public static final String TOPIC_EMAILS = Topics.EMAILS.settingKey();
  public static final String TOPIC_DEAD_LETTERS = Topics.DEAD_LETTERS.settingKey();
  public static final String CREATE_SOURCE_TOPICS = "writer.create-source-topics";
  public static final String SOURCE_PARTITIONS = "writer.source-partitions";
  public static final String DYNAMODB_ENDPOINT = "dynamodb.endpoint";
  public static final String DYNAMODB_REGION = "dynamodb.region";
  public static final String DYNAMODB_TABLE = "dynamodb.table";
  public static final String DYNAMODB_CREATE_TABLE = "dynamodb.create-table";
  public static final String ENTITY_CONFIG = "entity.config";
  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_PORT = "http.port";
  public static final String FLUSH_MAX_OPS = "writer.flush.max-ops";
  public static final String FUTURE_SKEW = "writer.future-skew";
  public static final String STATE_STORE = "writer.state.store";
  public static final String MAX_CONCURRENT_BATCHES = "writer.dynamodb.max-concurrent-batches";
  public static final String WRITE_RETRY_MAX_ELAPSED = "writer.dynamodb.retry-max-elapsed";
  public static final String FAILURE_BACKOFF = "writer.failure-backoff";

  public static final String DEFAULT_APPLICATION_ID = "shardstream-writer";
  public static final int DEFAULT_HTTP_PORT = 8090;

  /** How the event values on the source topics are framed. */
  public enum SerdeFormat {
    /** Confluent wire format through the schema registry (production). */
    REGISTRY,
    /** Plain Avro binary of the current schemas, no registry (tests, files). */
    PLAIN_AVRO;

    static SerdeFormat parse(String text) {
      return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  /** Every key with its default ({@code ""}: unset). */
  public static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(APPLICATION_ID, DEFAULT_APPLICATION_ID);
    defaults.put("kafka.bootstrap.servers", "localhost:9092");
    defaults.put(PROCESSING_GUARANTEE, StreamsConfig.EXACTLY_ONCE_V2);
    // Each commit writes the tasks' buffered table writes: a longer interval makes bigger batches.
    defaults.put("kafka.commit.interval.ms", "1000");
    // Process whatever is fetched: the stages do not depend on timestamp order across their two
    // input topics, and the internal topics are often empty (waiting on them would stall).
    defaults.put("kafka.max.task.idle.ms", "-1");
    // The sink writes DynamoDB inside the commit, while the transaction is open: leave it time.
    defaults.put("kafka.producer.transaction.timeout.ms", "60000");
    defaults.put(SERDE_FORMAT, "registry");
    defaults.put(REGISTRY_URL, RegistrySettings.DEFAULT_URL);
    defaults.put(REGISTRY_API, SchemaRegistryApi.DEFAULT.key());
    defaults.put(TOPIC_USERS, Topics.USERS.name());
    defaults.put(TOPIC_EMAILS, Topics.EMAILS.name());
    defaults.put(TOPIC_DEAD_LETTERS, Topics.DEAD_LETTERS.name());
    defaults.put(CREATE_SOURCE_TOPICS, "false");
    defaults.put(SOURCE_PARTITIONS, "3");
    defaults.put(DYNAMODB_ENDPOINT, "");
    defaults.put(DYNAMODB_REGION, "");
    defaults.put(DYNAMODB_TABLE, "shardstream");
    defaults.put(DYNAMODB_CREATE_TABLE, "true");
    defaults.put(ENTITY_CONFIG, "");
    defaults.put(HTTP_HOST, "0.0.0.0");
    defaults.put(HTTP_PORT, Integer.toString(DEFAULT_HTTP_PORT));
    defaults.put(FLUSH_MAX_OPS, "1000");
    defaults.put(FUTURE_SKEW, "5m");
    defaults.put(STATE_STORE, "rocksdb");
    defaults.put(MAX_CONCURRENT_BATCHES, "8");
    defaults.put(WRITE_RETRY_MAX_ELAPSED, "30s");
    defaults.put(FAILURE_BACKOFF, "5s");
    return defaults;
  }

  /** Defaults, then the file (when given), then {@code environment}. */
  public static Settings load(Path file, Map<String, String> environment) {
    return new SettingsLoader().defaults(defaults()).file(file).environment(environment).load();
  }

  /**
   * @throws SettingsException naming every bad setting and its environment variable
   */
  public static WriterSettings from(Settings settings) {
    List<String> problems = new ArrayList<>();
    String applicationId = settings.get(APPLICATION_ID, DEFAULT_APPLICATION_ID).trim();
    Map<String, String> kafka = settings.withPrefix(KAFKA_PREFIX);
    if (!kafka.containsKey("bootstrap.servers")) {
      problems.add(
          "missing setting 'kafka.bootstrap.servers' ("
              + Settings.envName("kafka.bootstrap.servers")
              + ")");
    }
    String guarantee = kafka.getOrDefault(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "");
    if (!StreamsConfig.EXACTLY_ONCE_V2.equals(guarantee)) {
      // The table sink writes its buffer when the producer commits the transaction that carries
      // the consumed offsets; under at_least_once no transaction would wait for it.
      problems.add(
          "setting '"
              + PROCESSING_GUARANTEE
              + "' ("
              + Settings.envName(PROCESSING_GUARANTEE)
              + ") must be "
              + StreamsConfig.EXACTLY_ONCE_V2
              + ", got '"
              + guarantee
              + "': the table writes are made durable inside its transaction commit");
    }
    SerdeFormat format =
        read(
            problems,
            SERDE_FORMAT,
            SerdeFormat.REGISTRY,
            () -> SerdeFormat.parse(settings.get(SERDE_FORMAT, "registry")),
            "registry or plain-avro");
    Optional<RegistrySettings> registry =
        format == SerdeFormat.REGISTRY ? registry(settings, problems) : Optional.empty();
    TopicNames topics =
        TopicNames.of(
            applicationId,
            settings.get(TOPIC_USERS, Topics.USERS.name()).trim(),
            settings.get(TOPIC_EMAILS, Topics.EMAILS.name()).trim(),
            settings.get(TOPIC_DEAD_LETTERS, Topics.DEAD_LETTERS.name()).trim());
    boolean createSources =
        read(
            problems,
            CREATE_SOURCE_TOPICS,
            false,
            () -> settings.getBoolean(CREATE_SOURCE_TOPICS, false),
            null);
    int sourcePartitions = intIn(settings, SOURCE_PARTITIONS, 3, 1, 10_000, problems);
    Optional<URI> endpoint =
        settings
            .get(DYNAMODB_ENDPOINT)
            .map(String::trim)
            .flatMap(text -> uri(DYNAMODB_ENDPOINT, text, problems));
    Optional<String> region = settings.get(DYNAMODB_REGION).map(String::trim);
    String table = settings.get(DYNAMODB_TABLE, "shardstream").trim();
    boolean createTable =
        read(
            problems,
            DYNAMODB_CREATE_TABLE,
            true,
            () -> settings.getBoolean(DYNAMODB_CREATE_TABLE, true),
            null);
    Optional<String> configFile = settings.get(ENTITY_CONFIG).map(String::trim);
    EntityConfig config = entityConfig(configFile, problems);
    String host = settings.get(HTTP_HOST, "0.0.0.0").trim();
    int port = intIn(settings, HTTP_PORT, DEFAULT_HTTP_PORT, 0, 65_535, problems);
    int flushMaxOps = intIn(settings, FLUSH_MAX_OPS, 1000, 1, 1_000_000, problems);
    Duration skew =
        read(
            problems,
            FUTURE_SKEW,
            Duration.ofMinutes(5),
            () -> settings.getDuration(FUTURE_SKEW, Duration.ofMinutes(5)),
            null);
    StoreKind storeKind =
        read(
            problems,
            STATE_STORE,
            StoreKind.ROCKSDB,
            () -> StoreKind.parse(settings.get(STATE_STORE, "rocksdb")),
            "rocksdb or memory");
    int batches = intIn(settings, MAX_CONCURRENT_BATCHES, 8, 1, 256, problems);
    Duration retry =
        read(
            problems,
            WRITE_RETRY_MAX_ELAPSED,
            Duration.ofSeconds(30),
            () -> settings.getDuration(WRITE_RETRY_MAX_ELAPSED, Duration.ofSeconds(30)),
            null);
    Duration backoff =
        read(
            problems,
            FAILURE_BACKOFF,
            Duration.ofSeconds(5),
            () -> settings.getDuration(FAILURE_BACKOFF, Duration.ofSeconds(5)),
            null);
    if (!problems.isEmpty()) {
      throw new SettingsException("invalid writer settings:\n  " + String.join("\n  ", problems));
    }
    return new WriterSettings(
        applicationId,
        kafka,
        format,
        registry,
        topics,
        createSources,
        sourcePartitions,
        endpoint,
        region,
        table,
        createTable,
        config,
        configFile.orElse("the seed configuration (" + ExampleConfigs.USER_EMAIL + ")"),
        host,
        port,
        flushMaxOps,
        skew,
        storeKind,
        batches,
        retry,
        backoff);
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
   * application id (consumer group, internal topics, state), its own dead-letter topic (the live
   * writer's dead letters are not repeated), another table and entity configuration, reading every
   * source topic from the beginning, and an ops port picked by the system (the live writer may hold
   * the configured one).
   */
  public WriterSettings forReplay(
      String replayApplicationId, String replayTable, EntityConfig config, String configSource) {
    Map<String, String> replayKafka = new LinkedHashMap<>(kafka);
    replayKafka.remove("consumer.auto.offset.reset");
    replayKafka.put("auto.offset.reset", "earliest");
    TopicNames replayTopics =
        TopicNames.of(
            replayApplicationId,
            topics.users(),
            topics.emails(),
            replayApplicationId + "-dead-letters");
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

  /** The registry's URL and API; the writer never registers (production settings). */
  private static Optional<RegistrySettings> registry(Settings settings, List<String> problems) {
    SchemaRegistryApi api = null;
    try {
      api = SchemaRegistryApi.parse(settings.get(REGISTRY_API, SchemaRegistryApi.DEFAULT.key()));
    } catch (IllegalArgumentException e) {
      problems.add(
          "setting '"
              + REGISTRY_API
              + "' ("
              + Settings.envName(REGISTRY_API)
              + ") "
              + e.getMessage());
    }
    Optional<URI> url =
        settings
            .get(REGISTRY_URL)
            .map(String::trim)
            .flatMap(text -> uri(REGISTRY_URL, text, problems));
    if (settings.get(REGISTRY_URL).isEmpty()) {
      problems.add(
          "missing setting '"
              + REGISTRY_URL
              + "' ("
              + Settings.envName(REGISTRY_URL)
              + "), needed with serde.format=registry");
    }
    if (api == null || url.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(RegistrySettings.production(api, url.get()));
    } catch (IllegalArgumentException e) {
      problems.add(
          "setting '"
              + REGISTRY_URL
              + "' ("
              + Settings.envName(REGISTRY_URL)
              + "): "
              + e.getMessage());
      return Optional.empty();
    }
  }

  private static <T> T read(
      List<String> problems, String key, T fallback, Supplier<T> reader, String expected) {
    try {
      return reader.get();
    } catch (SettingsException e) {
      problems.add(e.getMessage());
    } catch (RuntimeException e) {
      problems.add("setting '" + key + "' (" + Settings.envName(key) + ") must be " + expected);
    }
    return fallback;
  }

  private static int intIn(
      Settings settings, String key, int fallback, int min, int max, List<String> problems) {
    int value = read(problems, key, fallback, () -> settings.getInt(key, fallback), null);
    if (value < min || value > max) {
      problems.add(
          "setting '"
              + key
              + "' ("
              + Settings.envName(key)
              + ") must be between "
              + min
              + " and "
              + max
              + ", got "
              + value);
      return fallback;
    }
    return value;
  }

  private static Optional<URI> uri(String key, String text, List<String> problems) {
    try {
      URI uri = URI.create(text);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("not absolute");
      }
      return Optional.of(uri);
    } catch (IllegalArgumentException e) {
      problems.add(
          "setting '"
              + key
              + "' ("
              + Settings.envName(key)
              + ") must be an absolute URL such as http://localhost:8000, got '"
              + text
              + "'");
      return Optional.empty();
    }
  }

  private static EntityConfig entityConfig(Optional<String> file, List<String> problems) {
    try {
      if (file.isEmpty()) {
        return ConfigLoader.parse(ExampleConfigs.userEmail());
      }
      Path path = InputFiles.requireReadable(Path.of(file.get()), "entity configuration file");
      return ConfigLoader.parse(Files.readString(path));
    } catch (InputFiles.InputFileException e) {
      problems.add(
          "setting '"
              + ENTITY_CONFIG
              + "' ("
              + Settings.envName(ENTITY_CONFIG)
              + "): "
              + e.getMessage());
    } catch (ConfigValidationException e) {
      problems.add("entity configuration " + file.orElse("(seed)") + ": " + e.getMessage());
    } catch (IOException e) {
      problems.add(
          "setting '"
              + ENTITY_CONFIG
              + "' ("
              + Settings.envName(ENTITY_CONFIG)
              + "): cannot read "
              + file.orElse("")
              + ": "
              + e.getMessage());
    }
    return null;
  }
}
