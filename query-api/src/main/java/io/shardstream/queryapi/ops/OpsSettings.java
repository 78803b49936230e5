package io.shardstream.queryapi.ops;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.queryapi.kafka.KafkaConnection;
import io.shardstream.schemas.model.EntityEventSchemas;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistryApi;
import io.shardstream.service.CommonSettings;
import io.shardstream.service.Setting;
import io.shardstream.service.SettingsCheck;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * What the query API needs to show the dead letters and the pipeline's health: a Kafka connection
 * (the same {@code kafka.*} keys the writer reads), the topics, the registry that decodes the
 * original events, and where the writers answer their readiness. Without {@code
 * kafka.bootstrap.servers} the API serves searches only and these views answer 503 naming it.
 *
 * @param kafka every {@code kafka.*} key without the prefix; empty: no Kafka
 * @param entityTopics each entity's change topic by entity token ({@code topics.<plural>}): the
 *     writer's sources, whose lag is its lag and whose events the dead letters decode
 * @param eventSchemas each entity's derived event schema by entity token
 * @param registry decodes dead letters' original events; empty: they are shown as base64
 */
public record OpsSettings(
    Map<String, String> kafka,
    Map<String, String> entityTopics,
    Map<String, Schema> eventSchemas,
    String deadLetterTopic,
    Optional<RegistrySettings> registry,
    List<URI> writerUrls,
    String writerApplicationId,
    Duration sampleInterval,
    int latestDeadLetters) {

  /** No Kafka: the dead letters and pipeline views answer 503. */
  public static final OpsSettings NONE =
      new OpsSettings(
          Map.of(),
          Map.of(),
          Map.of(),
          CommonSettings.TOPICS_DEAD_LETTERS.defaultText(),
          Optional.empty(),
          List.of(),
          CommonSettings.WRITER_APPLICATION_ID.defaultText(),
          Duration.ofSeconds(1),
          100);

  public static final Setting<Map<String, String>> KAFKA = KafkaConnection.KAFKA;

  public static final Setting<String> BOOTSTRAP = KafkaConnection.BOOTSTRAP;

  public static final Setting<Optional<URI>> REGISTRY =
      Setting.optional(
              RegistrySettings.URL,
              URI::create,
              CommonSettings.REGISTRY_URL.doc()
                  + "; decodes the dead letters' original events (empty: shown as base64)")
          .defaultShownAs("empty (base64)");

  public static final Setting<List<URI>> WRITER_URLS =
      Setting.of(
              "pipeline.writer-urls",
              "",
              OpsSettings::urls,
              "the writers' ops HTTP base URLs, comma-separated (`http://writer:8090`): the"
                  + " pipeline view shows each one's `/health/ready`")
          .defaultShownAs("none");

  public static final Setting<String> WRITER_GROUP =
      Setting.text(
          "pipeline.writer-application-id",
          CommonSettings.WRITER_APPLICATION_ID.defaultText(),
          "the writer's `application.id` (its consumer group), whose lag the pipeline view"
              + " shows");

  public static final Setting<Duration> SAMPLE_INTERVAL =
      Setting.duration(
          "pipeline.sample-interval",
          "1s",
          Duration.ofMillis(200),
          Duration.ofMinutes(1),
          "how often the lag and the writers' readiness are sampled (one Kafka Admin round per"
              + " interval, however many clients watch)");

  public static final Setting<Integer> LATEST =
      Setting.integer(
          "dead-letters.latest",
          100,
          1,
          10_000,
          "how many of the latest dead letters are kept in memory and shown (counts by reason"
              + " cover the whole topic)");

  /** The keys, in the order of the README table (after the query API's own). */
  public static List<Setting<?>> settings() {
    return List.of(
        KAFKA,
        BOOTSTRAP,
        CommonSettings.TOPICS_ENTITIES,
        CommonSettings.TOPICS_DEAD_LETTERS,
        REGISTRY,
        CommonSettings.REGISTRY_API,
        WRITER_URLS,
        WRITER_GROUP,
        SAMPLE_INTERVAL,
        LATEST);
  }

  public OpsSettings {
    kafka = Map.copyOf(kafka);
    entityTopics = Collections.unmodifiableMap(new LinkedHashMap<>(entityTopics));
    eventSchemas = Map.copyOf(eventSchemas);
    Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    Objects.requireNonNull(registry, "registry");
    writerUrls = List.copyOf(writerUrls);
    Objects.requireNonNull(writerApplicationId, "writerApplicationId");
    Objects.requireNonNull(sampleInterval, "sampleInterval");
  }

  /**
   * Reads the keys, recording every problem on {@code check}.
   *
   * @param config the entity configuration the query API starts with; null when it did not load (a
   *     problem on {@code check} already)
   */
  public static OpsSettings from(SettingsCheck check, EntityConfig config) {
    Map<String, String> kafka = check.get(KAFKA);
    String bootstrap = check.get(BOOTSTRAP);
    Optional<URI> registryUrl = check.get(REGISTRY);
    SchemaRegistryApi api = check.get(CommonSettings.REGISTRY_API);
    Optional<RegistrySettings> registry = Optional.empty();
    if (registryUrl != null && registryUrl.isPresent() && api != null) {
      try {
        registry = Optional.of(new RegistrySettings(api, registryUrl.get(), false));
      } catch (IllegalArgumentException e) {
        check.problem(REGISTRY, e.getMessage());
      }
    }
    OpsSettings settings =
        new OpsSettings(
            bootstrap == null || bootstrap.isEmpty() ? Map.of() : kafka,
            config == null ? Map.of() : CommonSettings.entityTopics(check, config),
            config == null ? Map.of() : EntityEventSchemas.derive(config),
            orDefault(check.get(CommonSettings.TOPICS_DEAD_LETTERS), NONE.deadLetterTopic),
            registry,
            Optional.ofNullable(check.get(WRITER_URLS)).orElse(List.of()),
            orDefault(check.get(WRITER_GROUP), NONE.writerApplicationId),
            Optional.ofNullable(check.get(SAMPLE_INTERVAL)).orElse(NONE.sampleInterval),
            Optional.ofNullable(check.get(LATEST)).orElse(NONE.latestDeadLetters));
    return settings;
  }

  /** The topics the writer consumes: its lag on them is its lag. */
  public List<String> sourceTopics() {
    return List.copyOf(entityTopics.values());
  }

  /** Whether Kafka is configured: without it there is nothing to show. */
  public boolean kafkaConfigured() {
    return !kafka.isEmpty();
  }

  /** How a problem response names what to set. */
  public static String kafkaMissing() {
    return "this query API has no Kafka connection: set "
        + BOOTSTRAP.describe()
        + " to the brokers the writer reads";
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static List<URI> urls(String text) {
    return Arrays.stream(text.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(OpsSettings::url)
        .toList();
  }

  private static URI url(String text) {
    URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "'" + text + "' is no http(s) URL with a host, such as http://writer:8090");
    }
    return uri;
  }
}
