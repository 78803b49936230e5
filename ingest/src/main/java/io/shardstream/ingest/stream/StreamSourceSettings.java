package io.shardstream.ingest.stream;

import io.shardstream.service.Settings;
import io.shardstream.service.SettingsException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings keys of the DynamoDB Streams source (a settings file plus {@code SHARDSTREAM_*}
 * environment overrides, as for the other ingest sources; command-line options win over both).
 *
 * <ul>
 *   <li>{@code stream.table}: the source table (required)
 *   <li>{@code stream.entity}: {@code user} or {@code email} (required)
 *   <li>{@code stream.version-attribute}: default {@code version}
 *   <li>{@code stream.application-name}: KCL application and lease table, default {@code
 *       shardstream-ddb-stream-<table>}
 *   <li>{@code stream.from-start}: a new application starts at the oldest record (default true)
 *   <li>{@code stream.responsive}: KCL's short intervals ({@link KclTimings#responsive()}); default
 *       true with a local endpoint, false against AWS
 *   <li>{@code dynamodb.endpoint}, {@code dynamodb.region}: as for the writer
 * </ul>
 */
public final class StreamSourceSettings {
  public static final String TABLE = "stream.table";
  public static final String ENTITY = "stream.entity";
  public static final String VERSION_ATTRIBUTE = "stream.version-attribute";
  public static final String APPLICATION_NAME = "stream.application-name";
  public static final String FROM_START = "stream.from-start";
  public static final String RESPONSIVE = "stream.responsive";
  public static final String DYNAMODB_ENDPOINT = "dynamodb.endpoint";
  public static final String DYNAMODB_REGION = "dynamodb.region";

  private StreamSourceSettings() {}

  /**
   * Every key, unset: the settings loader maps a {@code SHARDSTREAM_*} variable to a key it knows,
   * so {@code SHARDSTREAM_STREAM_VERSION_ATTRIBUTE} reaches {@code stream.version-attribute} only
   * when the key is among the defaults (a blank value counts as unset).
   */
  public static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (String key :
        List.of(
            TABLE,
            ENTITY,
            VERSION_ATTRIBUTE,
            APPLICATION_NAME,
            FROM_START,
            RESPONSIVE,
            DYNAMODB_ENDPOINT,
            DYNAMODB_REGION)) {
      defaults.put(key, "");
    }
    return defaults;
  }

  /**
   * The source's configuration from {@code settings}, overridden by {@code overrides} (options).
   */
  public static StreamSourceConfig read(Settings settings, Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>(settings.asMap());
    overrides.forEach(
        (key, value) -> {
          if (value != null) {
            values.put(key, value);
          }
        });
    Settings merged = Settings.of(values);
    String table = merged.require(TABLE);
    SourceEntity entity;
    try {
      entity = SourceEntity.parse(merged.require(ENTITY));
    } catch (IllegalArgumentException e) {
      throw new SettingsException(
          "setting '" + ENTITY + "' (" + Settings.envName(ENTITY) + "): " + e.getMessage());
    }
    SourceMapping mapping =
        SourceMapping.of(table, entity)
            .withVersionAttribute(
                merged.get(VERSION_ATTRIBUTE, SourceMapping.DEFAULT_VERSION_ATTRIBUTE));
    URI endpoint =
        merged.get(DYNAMODB_ENDPOINT).filter(s -> !s.isBlank()).map(s -> endpoint(s)).orElse(null);
    boolean responsive = merged.getBoolean(RESPONSIVE, endpoint != null);
    return new StreamSourceConfig(
        mapping,
        endpoint,
        merged.get(DYNAMODB_REGION).filter(s -> !s.isBlank()).orElse(null),
        merged.get(APPLICATION_NAME, StreamSourceConfig.defaultApplicationName(table)),
        merged.getBoolean(FROM_START, true),
        responsive ? KclTimings.responsive() : KclTimings.standard());
  }

  private static URI endpoint(String text) {
    try {
      URI uri = URI.create(text);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("not an absolute URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new SettingsException(
          "setting '"
              + DYNAMODB_ENDPOINT
              + "' ("
              + Settings.envName(DYNAMODB_ENDPOINT)
              + "): '"
              + text
              + "' is not a URL such as http://localhost:8000");
    }
  }
}
