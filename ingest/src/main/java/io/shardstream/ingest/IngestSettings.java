package io.shardstream.ingest;

import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaNotRegisteredException;
import io.shardstream.schemas.registry.SchemaRegistryApi;
import io.shardstream.schemas.registry.SchemaRegistryUnavailableException;
import io.shardstream.service.CommonSettings;
import io.shardstream.service.Setting;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsException;
import io.shardstream.service.SettingsSpec;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings keys the ingest sources read (through service-support's {@link Settings}: a file
 * plus {@code SHARDSTREAM_*} environment overrides), each declared once in {@link #SPEC}.
 */
public final class IngestSettings {
  static final Setting<Boolean> AUTO_REGISTER =
      Setting.bool(
          RegistrySettings.AUTO_REGISTER,
          false,
          "whether producers register the event schemas on first use (local runs); off, as"
              + " deployments register them up front");

  /** Every key the ingest commands read, in the order of their README table. */
  public static final SettingsSpec SPEC =
      SettingsSpec.of(
          "ingest",
          CommonSettings.KAFKA.withDoc(
              "Kafka producer settings, passed through without the prefix"),
          CommonSettings.KAFKA_BOOTSTRAP_SERVERS,
          CommonSettings.REGISTRY_URL,
          CommonSettings.REGISTRY_API,
          AUTO_REGISTER,
          CommonSettings.TOPICS_USERS.withDoc(
              "where the user change events go; the writer's key and default"),
          CommonSettings.TOPICS_EMAILS.withDoc(
              "where the email change events go; the writer's key and default"),
          CommonSettings.TOPICS_DEAD_LETTERS.withDoc(
              "where input that cannot become an event goes (the DynamoDB Streams source); the"
                  + " writer's key and default"));

  public static final String BOOTSTRAP_SERVERS = CommonSettings.KAFKA_BOOTSTRAP_SERVERS.key();
  public static final String REGISTRY_URL = RegistrySettings.URL;
  public static final String REGISTRY_API = RegistrySettings.API;
  public static final String REGISTRY_AUTO_REGISTER = AUTO_REGISTER.key();
  public static final String DEAD_LETTER_TOPIC = CommonSettings.TOPICS_DEAD_LETTERS.key();
  public static final String USERS_TOPIC = CommonSettings.TOPICS_USERS.key();
  public static final String EMAILS_TOPIC = CommonSettings.TOPICS_EMAILS.key();

  private IngestSettings() {}

  /** The local devstack's endpoints; a loader layers a file and the environment over them. */
  public static Map<String, String> defaults() {
    return SPEC.defaults();
  }

  /** Every {@code kafka.*} setting, prefix removed, for the producer. */
  public static Map<String, Object> producerConfig(Settings settings) {
    settings.require(BOOTSTRAP_SERVERS);
    return new LinkedHashMap<>(CommonSettings.KAFKA.read(settings));
  }

  /** The dead-letter topic's name: {@code topics.dead-letters}, default {@code shardstream.dlq}. */
  public static String deadLetterTopic(Settings settings) {
    return CommonSettings.TOPICS_DEAD_LETTERS.read(settings);
  }

  /** The change topics' names: {@code topics.users} and {@code topics.emails}, or the defaults. */
  public static ChangeTopicNames changeTopics(Settings settings) {
    return new ChangeTopicNames(
        CommonSettings.TOPICS_USERS.read(settings), CommonSettings.TOPICS_EMAILS.read(settings));
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
    SchemaRegistryApi api = CommonSettings.REGISTRY_API.read(settings);
    URI url = CommonSettings.REGISTRY_URL.read(settings);
    try {
      return new RegistrySettings(api, url, AUTO_REGISTER.read(settings));
    } catch (IllegalArgumentException e) {
      throw CommonSettings.REGISTRY_URL.problem(e.getMessage());
    }
  }
}
