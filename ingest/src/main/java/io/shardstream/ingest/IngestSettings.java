package io.shardstream.ingest;

import io.shardstream.schemas.Topic;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaNotRegisteredException;
import io.shardstream.schemas.registry.SchemaRegistryApi;
import io.shardstream.schemas.registry.SchemaRegistryUnavailableException;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.InvalidTopicException;

/**
 * The settings keys the ingest sources read (through service-support's {@link Settings}: a file
 * plus {@code SHARDSTREAM_*} environment overrides).
 *
 * <ul>
 *   <li>{@code kafka.*}: Kafka producer settings, passed through with the prefix removed ({@code
 *       kafka.bootstrap.servers}, {@code kafka.linger.ms}, security settings ...)
 *   <li>{@code registry.url}: the schema registry: Apicurio's base URL ({@code http://host:port})
 *       or, with {@code registry.api=confluent}, the Confluent-compatible API's URL
 *   <li>{@code registry.api}: {@code apicurio} (default) or {@code confluent}: which REST API the
 *       serdes speak
 *   <li>{@code registry.auto-register}: whether producers register the event schemas on first use
 *       (local runs); off by default, as deployments register them up front
 *   <li>{@code topics.users}, {@code topics.emails}: where the change events go; defaults {@code
 *       users.changes}, {@code emails.changes}, the writer's keys and defaults
 *   <li>{@code topics.dead-letters}: where input that cannot become an event goes (the DynamoDB
 *       Streams source); default {@code shardstream.dlq}, the writer's key and default
 * </ul>
 */
public final class IngestSettings {
  public static final String KAFKA_PREFIX = "kafka";
  public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
  public static final String REGISTRY_URL = RegistrySettings.URL;
  public static final String REGISTRY_API = RegistrySettings.API;
  public static final String REGISTRY_AUTO_REGISTER = RegistrySettings.AUTO_REGISTER;
  public static final String USERS_TOPIC = Topics.USERS.settingKey();
  public static final String EMAILS_TOPIC = Topics.EMAILS.settingKey();
  public static final String DEAD_LETTER_TOPIC = Topics.DEAD_LETTERS.settingKey();

  private IngestSettings() {}

  /** The local devstack's endpoints; a loader layers a file and the environment over them. */
  public static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(BOOTSTRAP_SERVERS, "localhost:9092");
    defaults.put(REGISTRY_URL, RegistrySettings.DEFAULT_URL);
    defaults.put(REGISTRY_API, SchemaRegistryApi.DEFAULT.key());
    defaults.put(REGISTRY_AUTO_REGISTER, "false");
    for (Topic<?, ?> topic : Topics.all()) {
      defaults.put(topic.settingKey(), topic.name());
    }
    return defaults;
  }

  /** Every {@code kafka.*} setting, prefix removed, for the producer. */
  public static Map<String, Object> producerConfig(Settings settings) {
    settings.require(BOOTSTRAP_SERVERS);
    return new LinkedHashMap<>(settings.withPrefix(KAFKA_PREFIX));
  }

  /** The dead-letter topic's name: {@code topics.dead-letters}, default {@code shardstream.dlq}. */
  public static String deadLetterTopic(Settings settings) {
    return topicName(settings, Topics.DEAD_LETTERS);
  }

  /** The change topics' names: {@code topics.users} and {@code topics.emails}, or the defaults. */
  public static ChangeTopicNames changeTopics(Settings settings) {
    return new ChangeTopicNames(
        topicName(settings, Topics.USERS), topicName(settings, Topics.EMAILS));
  }

  /**
   * The name set for {@code topic} (its {@link Topic#settingKey()}), or its default name.
   *
   * @throws SettingsException naming the setting when the name is no valid Kafka topic name
   */
  private static String topicName(Settings settings, Topic<?, ?> topic) {
    String name = settings.get(topic.settingKey(), topic.name()).trim();
    try {
      org.apache.kafka.common.internals.Topic.validate(name);
    } catch (InvalidTopicException e) {
      throw new SettingsException(
          "setting '"
              + topic.settingKey()
              + "' ("
              + Settings.envName(topic.settingKey())
              + "): "
              + e.getMessage());
    }
    return name;
  }

  /** A serializer's "schema not registered", naming the setting that lets producers register it. */
  public static SchemaNotRegisteredException howToRegister(SchemaNotRegisteredException e) {
    return new SchemaNotRegisteredException(
        e.getMessage()
            + ": let this producer register it with "
            + REGISTRY_AUTO_REGISTER
            + "=true ("
            + Settings.envName(REGISTRY_AUTO_REGISTER)
            + "=true), or register it in the registry first",
        e);
  }

  /** A registry that did not answer, naming the setting that says where it is. */
  public static SchemaRegistryUnavailableException whatToCheck(
      SchemaRegistryUnavailableException e) {
    return new SchemaRegistryUnavailableException(
        e.getMessage()
            + ": check "
            + REGISTRY_URL
            + " ("
            + Settings.envName(REGISTRY_URL)
            + ") and that the registry is running there",
        e);
  }

  /**
   * @throws SettingsException naming the bad setting and its environment variable
   */
  public static RegistrySettings registry(Settings settings) {
    String url = settings.require(REGISTRY_URL);
    SchemaRegistryApi api;
    try {
      api = SchemaRegistryApi.parse(settings.get(REGISTRY_API, SchemaRegistryApi.DEFAULT.key()));
    } catch (IllegalArgumentException e) {
      throw new SettingsException(
          "setting '"
              + REGISTRY_API
              + "' ("
              + Settings.envName(REGISTRY_API)
              + ") "
              + e.getMessage());
    }
    boolean autoRegister = settings.getBoolean(REGISTRY_AUTO_REGISTER, false);
    try {
      return new RegistrySettings(api, URI.create(url.trim()), autoRegister);
    } catch (IllegalArgumentException e) {
      throw new SettingsException(
          "setting '"
              + REGISTRY_URL
              + "' ("
              + Settings.envName(REGISTRY_URL)
              + "): "
              + e.getMessage());
    }
  }
}
