package io.shardstream.ingest;

import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings keys the ingest sources read (through service-support's {@link Settings}: a file
 * plus {@code SHARDSTREAM_*} environment overrides).
 *
 * <ul>
 *   <li>{@code kafka.*}: Kafka producer settings, passed through with the prefix removed
 *       ({@code kafka.bootstrap.servers}, {@code kafka.linger.ms}, security settings ...)
 *   <li>{@code registry.url}: the schema registry's base URL ({@code http://host:port})
 *   <li>{@code registry.auto-register}: whether producers register the event schemas on first use
 *       (local runs); off by default, as deployments register them up front
 * </ul>
 */
public final class IngestSettings {
  public static final String KAFKA_PREFIX = "kafka";
  public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
  public static final String REGISTRY_URL = "registry.url";
  public static final String REGISTRY_AUTO_REGISTER = "registry.auto-register";

  private IngestSettings() {}

  /** The local devstack's endpoints; a loader layers a file and the environment over them. */
  public static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(BOOTSTRAP_SERVERS, "localhost:9092");
    defaults.put(REGISTRY_URL, "http://localhost:8081");
    defaults.put(REGISTRY_AUTO_REGISTER, "false");
    return defaults;
  }

  /** Every {@code kafka.*} setting, prefix removed, for the producer. */
  public static Map<String, Object> producerConfig(Settings settings) {
    settings.require(BOOTSTRAP_SERVERS);
    return new LinkedHashMap<>(settings.withPrefix(KAFKA_PREFIX));
  }

  public static RegistrySettings registry(Settings settings) {
    String url = settings.require(REGISTRY_URL);
    try {
      return new RegistrySettings(URI.create(url), settings.getBoolean(REGISTRY_AUTO_REGISTER, false));
    } catch (IllegalArgumentException e) {
      throw new SettingsException("setting '" + REGISTRY_URL + "' (" + Settings.envName(REGISTRY_URL) + "): "
          + e.getMessage());
    }
  }
}
