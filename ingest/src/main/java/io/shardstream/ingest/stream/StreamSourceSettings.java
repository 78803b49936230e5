package io.shardstream.ingest.stream;

import io.shardstream.service.CommonSettings;
import io.shardstream.service.Setting;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsSpec;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings keys of the DynamoDB Streams source (a settings file plus {@code SHARDSTREAM_*}
 * environment overrides, as for the other ingest sources; command-line options win over both), each
 * declared once in {@link #SPEC}.
 */
public final class StreamSourceSettings {
  static final Setting<String> TABLE_SETTING =
      Setting.required("stream.table", t -> t, "the source table (`--table` wins)");

  static final Setting<SourceEntity> ENTITY_SETTING =
      Setting.required(
          "stream.entity",
          SourceEntity::parse,
          "`user` or `email`: what its items are (`--entity`)");

  static final Setting<String> VERSION =
      Setting.text(
          "stream.version-attribute",
          SourceMapping.DEFAULT_VERSION_ATTRIBUTE,
          "the attribute ordering an item's changes: a whole number, or a timestamp such as"
              + " `updated`");

  static final Setting<Optional<String>> APPLICATION =
      Setting.optionalText(
              "stream.application-name", "KCL application and lease table (`--application-name`)")
          .defaultShownAs("`shardstream-ddb-stream-<table>`");

  static final Setting<Boolean> START =
      Setting.bool(
          "stream.from-start", true, "a new application starts at the oldest record in the stream");

  static final Setting<Optional<Boolean>> RESPONSIVE_SETTING =
      Setting.optionalBool(
              "stream.responsive",
              "KCL's short intervals (seconds, not minutes, to notice new shards and leases)")
          .defaultShownAs("true with a local endpoint, false against AWS");

  /** Every key the DynamoDB Streams source reads, in the order of its README table. */
  public static final SettingsSpec SPEC =
      SettingsSpec.of(
          "ddb-stream",
          TABLE_SETTING,
          ENTITY_SETTING,
          VERSION,
          APPLICATION,
          START,
          RESPONSIVE_SETTING,
          CommonSettings.DYNAMODB_ENDPOINT.withDoc(
              "the source table's DynamoDB: empty for AWS, a URL for DynamoDB Local (`--endpoint`)"),
          CommonSettings.DYNAMODB_REGION);

  public static final String TABLE = TABLE_SETTING.key();
  public static final String ENTITY = ENTITY_SETTING.key();
  public static final String VERSION_ATTRIBUTE = VERSION.key();
  public static final String APPLICATION_NAME = APPLICATION.key();
  public static final String DYNAMODB_ENDPOINT = CommonSettings.DYNAMODB_ENDPOINT.key();
  public static final String DYNAMODB_REGION = CommonSettings.DYNAMODB_REGION.key();

  private StreamSourceSettings() {}

  /**
   * Every key, so that a {@code SHARDSTREAM_*} variable reaches its key ({@code
   * SHARDSTREAM_STREAM_VERSION_ATTRIBUTE} → {@code stream.version-attribute}).
   */
  public static Map<String, String> defaults() {
    return SPEC.defaults();
  }

  /**
   * The source's configuration from {@code settings}, overridden by {@code overrides} (options).
   *
   * @throws io.shardstream.service.SettingsException naming the first bad key
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
    String table = TABLE_SETTING.read(merged);
    SourceMapping mapping =
        SourceMapping.of(table, ENTITY_SETTING.read(merged))
            .withVersionAttribute(VERSION.read(merged));
    Optional<URI> endpoint = CommonSettings.DYNAMODB_ENDPOINT.read(merged);
    boolean responsive = RESPONSIVE_SETTING.read(merged).orElse(endpoint.isPresent());
    return new StreamSourceConfig(
        mapping,
        endpoint.orElse(null),
        CommonSettings.DYNAMODB_REGION.read(merged).orElse(null),
        APPLICATION.read(merged).orElseGet(() -> StreamSourceConfig.defaultApplicationName(table)),
        START.read(merged),
        responsive ? KclTimings.responsive() : KclTimings.standard());
  }
}
