package io.shardstream.service;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.config.LoadedConfig;
import io.shardstream.dynamo.DynamoDbClients;
import io.shardstream.dynamo.control.ControlTable;
import io.shardstream.schemas.EntityTopics;
import io.shardstream.schemas.Topic;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistryApi;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The keys more than one service reads, declared once: the writer, the query API, ingest and the
 * command line take them from here (a service may give one its own default or doc with {@link
 * Setting#withDefault} / {@link Setting#withDoc}).
 */
public final class CommonSettings {
  private CommonSettings() {}

  public static final Setting<Map<String, String>> KAFKA =
      Setting.passThrough(
          "kafka", "Kafka client settings, passed through without the prefix (security, tuning)");

  /**
   * The writer's Kafka Streams application id: its consumer group and the prefix of its internal
   * topics. Declared here because the query API reads the same group's lag (pipeline health).
   */
  public static final Setting<String> WRITER_APPLICATION_ID =
      Setting.text(
          "application.id",
          "shardstream-writer",
          "Kafka Streams application id (consumer group, internal topic prefix)");

  public static final Setting<String> KAFKA_BOOTSTRAP_SERVERS =
      Setting.text("kafka.bootstrap.servers", "localhost:9092", "the Kafka brokers");

  /**
   * What a service says when Kafka refuses its client (a SASL or TLS authentication failure):
   * where, why, and which {@code kafka.*} settings to check.
   */
  public static String kafkaRefused(Object bootstrapServers, Throwable failure) {
    return "Kafka at "
        + bootstrapServers
        + " refused the client ("
        + failure.getMessage()
        + "): check kafka.security.protocol, kafka.sasl.mechanism, kafka.sasl.jaas.config"
        + " (user and password) and kafka.ssl.truststore.*";
  }

  public static final Setting<URI> REGISTRY_URL =
      Setting.of(
          RegistrySettings.URL,
          RegistrySettings.DEFAULT_URL,
          URI::create,
          "the schema registry: Apicurio's base URL or its `/apis/registry/v3` API; with"
              + " `registry.api=confluent`, the Confluent-compatible API's URL (`http://sr:8081`,"
              + " Apicurio's `.../apis/ccompat/v7`)");

  public static final Setting<SchemaRegistryApi> REGISTRY_API =
      Setting.of(
          RegistrySettings.API,
          SchemaRegistryApi.DEFAULT.key(),
          SchemaRegistryApi::parse,
          "`apicurio` (Apicurio's core v3 API) or `confluent` (Confluent Schema Registry,"
              + " Karapace, Redpanda, Apicurio ccompat); same wire format and subjects either way");

  public static final Setting<String> TOPICS_USERS =
      Setting.of(
          Topics.USERS.settingKey(),
          Topics.USERS.name(),
          Topic::validName,
          "the user change events");

  public static final Setting<String> TOPICS_EMAILS =
      Setting.of(
          Topics.EMAILS.settingKey(),
          Topics.EMAILS.name(),
          Topic::validName,
          "the email change events");

  /**
   * Each entity's change events: one {@code topics.<plural>} key per entity ({@link EntityTopics}).
   */
  public static final Setting<Map<String, String>> TOPICS_ENTITIES =
      Setting.family(
          "topics",
          "<plural>",
          "`<plural>.changes`",
          "each entity's change events, one key per entity of the configuration: `topics.users`"
              + " (default `users.changes`), `topics.bankAccounts` (variable `"
              + Settings.envName("topics.bankAccounts")
              + "`)");

  public static final Setting<String> TOPICS_DEAD_LETTERS =
      Setting.of(
          Topics.DEAD_LETTERS.settingKey(),
          Topics.DEAD_LETTERS.name(),
          Topic::validName,
          "where input that cannot become an item goes, with its reason");

  public static final Setting<String> TOPICS_APPLIED_CHANGES =
      Setting.of(
          Topics.APPLIED_CHANGES.settingKey(),
          Topics.APPLIED_CHANGES.name(),
          Topic::validName,
          "the change feed: one JSON record per table change the writer applied, visible to"
              + " `read_committed` consumers once the write is durable");

  /** The one endpoint rule ({@link DynamoDbClients#endpoint}): an http(s) URL with a host. */
  public static final Setting<Optional<URI>> DYNAMODB_ENDPOINT =
      Setting.optional(
              "dynamodb.endpoint",
              DynamoDbClients::endpoint,
              "empty: AWS itself; a URL such as `http://localhost:8000`: DynamoDB Local (fixed"
                  + " dummy credentials), which also marks a development set-up")
          .defaultShownAs("AWS");

  public static final Setting<Optional<String>> DYNAMODB_REGION =
      Setting.optionalText("dynamodb.region", "empty: the AWS SDK's region lookup")
          .defaultShownAs("SDK lookup");

  public static final Setting<String> DYNAMODB_TABLE =
      Setting.text("dynamodb.table", "shardstream", "the single table");

  public static final Setting<Optional<Path>> ENTITY_CONFIG =
      Setting.optional(
              "entity.config",
              Path::of,
              "the entity configuration file (JSON); empty: the seed User/Email configuration")
          .defaultShownAs("the seed config");

  public static final Setting<String> HTTP_HOST =
      Setting.text("http.host", "0.0.0.0", "the interface the HTTP server listens on");

  /** Every service listens somewhere else: each declares its default with {@code withDefault}. */
  public static final Setting<Integer> HTTP_PORT =
      Setting.integer("http.port", 0, 0, 65_535, "the HTTP port; 0 picks a free one");

  public static final Setting<Optional<Path>> HTTPS_KEYSTORE =
      Setting.optional(
              "https.keystore",
              Path::of,
              "a PKCS12 keystore with the server's key and certificate chain: when set, the port"
                  + " serves HTTPS only; empty: plain HTTP")
          .defaultShownAs("empty (HTTP)");

  public static final Setting<Optional<String>> HTTPS_KEYSTORE_PASSWORD =
      Setting.optionalText(
          "https.keystore.password",
          "the keystore's password (also the key's); required with `https.keystore`");

  public static final Setting<String> CONTROL_TABLE =
      Setting.text(
              "control.table",
              "",
              "the control table whose record names the active table and its configuration"
                  + " (written by `shardstream replay`); empty: `<dynamodb.table>-control`;"
                  + " `none`: no control record")
          .defaultShownAs("`<dynamodb.table>-control`");

  /**
   * The entity configuration {@code entity.config} names (the seed when unset), loaded once; a
   * problem is recorded on {@code check} and {@code null} returned.
   */
  /**
   * Every entity's change topic, by entity token in token order: its {@code topics.<plural>} key
   * when set, else {@link EntityTopics#defaultName}. A bad name is recorded on {@code check}.
   */
  public static Map<String, String> entityTopics(SettingsCheck check, EntityConfig config) {
    Map<String, String> topics = new LinkedHashMap<>();
    config.entities().keySet().stream()
        .sorted()
        .map(token -> config.entity(token).orElseThrow())
        .forEach(entity -> topics.put(entity.token(), entityTopic(check, entity)));
    return topics;
  }

  private static String entityTopic(SettingsCheck check, EntityDefinition entity) {
    String key = EntityTopics.settingKey(entity);
    // An environment variable of a key no spec lists arrives lower-cased
    // (SHARDSTREAM_TOPICS_BANKACCOUNTS -> topics.bankaccounts).
    Optional<String> value =
        check.settings().get(key).or(() -> check.settings().get(key.toLowerCase(Locale.ROOT)));
    if (value.isEmpty()) {
      return EntityTopics.defaultName(entity);
    }
    try {
      return Topic.validName(value.get().trim());
    } catch (IllegalArgumentException e) {
      check.problem(key + " (" + Settings.envName(key) + "): " + e.getMessage());
      return EntityTopics.defaultName(entity);
    }
  }

  public static LoadedConfig entityConfig(SettingsCheck check) {
    Optional<Path> file = check.get(ENTITY_CONFIG);
    if (file == null) {
      return null;
    }
    try {
      return EntityConfigLoader.fileOrSeed(file);
    } catch (InputFiles.InputFileException e) {
      check.problem(ENTITY_CONFIG, e.getMessage());
      return null;
    }
  }

  /**
   * The control table a {@code control.table} value names for the data table ({@link
   * ControlTable#nameFrom}: the one rule of the replay and the query API).
   */
  public static Optional<String> controlTable(Settings settings, String dataTable) {
    return ControlTable.nameFrom(CONTROL_TABLE.read(settings), dataTable);
  }

  /**
   * The registry's URL and API ({@code autoRegister} as given); a problem is recorded on {@code
   * check} (naming {@code registry.url} or {@code registry.api}) and empty returned.
   */
  public static Optional<RegistrySettings> registry(SettingsCheck check, boolean autoRegister) {
    SchemaRegistryApi api = check.get(REGISTRY_API);
    URI url = check.get(REGISTRY_URL);
    if (api == null || url == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new RegistrySettings(api, url, autoRegister));
    } catch (IllegalArgumentException e) {
      check.problem(REGISTRY_URL, e.getMessage());
      return Optional.empty();
    }
  }
}
