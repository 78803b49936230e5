package io.shardstream.queryapi;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.LoadedConfig;
import io.shardstream.queryapi.changes.ChangeFeedSettings;
import io.shardstream.queryapi.ops.OpsSettings;
import io.shardstream.service.CommonSettings;
import io.shardstream.service.HttpsKeystore;
import io.shardstream.service.Setting;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsCheck;
import io.shardstream.service.SettingsException;
import io.shardstream.service.SettingsSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the query API runs with, read from {@link Settings} (a properties/YAML file, each key
 * overridable by {@code SHARDSTREAM_*} environment variables) and checked all at once. Every key is
 * declared once in {@link #SPEC}: its default, rule and doc (the README tables are rendered from
 * it).
 */
public record QueryApiSettings(
    String host,
    int port,
    Optional<URI> dynamoDbEndpoint,
    Optional<String> dynamoDbRegion,
    String table,
    EntityConfig entityConfig,
    String entityConfigSource,
    CursorKey cursorKey,
    int maxLimit,
    int parallelism,
    ApiKeys apiKeys,
    Optional<String> controlTable,
    Duration controlPollInterval,
    Optional<HttpsKeystore> https,
    ChangeFeedSettings changeFeed,
    Admission admission) {

  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_MAX_LIMIT = 100;

  /** A page size nobody needs more of; it bounds the work one request can cause. */
  public static final int LARGEST_MAX_LIMIT = 1000;

  public static final Duration DEFAULT_CONTROL_POLL_INTERVAL = Duration.ofSeconds(2);

  static final Setting<Integer> PORT =
      CommonSettings.HTTP_PORT
          .withDefault(Integer.toString(DEFAULT_PORT))
          .withDoc("the API, `/openapi.json`, `/health/*`, `/metrics`; 0 picks a free port");

  static final Setting<Optional<String>> CURSOR =
      Setting.optionalText(
              "cursor.key",
              "base64 (standard or URL-safe) of at least 16 secret bytes, the same on every"
                  + " instance (`openssl rand -base64 32`); with a local `dynamodb.endpoint` a"
                  + " public development key is used, with a loud warning")
          .defaultShownAs("required against AWS");

  static final Setting<Integer> LIMIT_MAX =
      Setting.integer(
          "query.limit.max",
          DEFAULT_MAX_LIMIT,
          1,
          LARGEST_MAX_LIMIT,
          "largest page a client may ask for");

  static final Setting<Integer> PARALLELISM =
      Setting.integer(
          "query.parallelism",
          16,
          1,
          1024,
          "DynamoDB requests in flight at once, over all searches");

  static final Setting<ApiKeys> KEYS =
      Setting.of(
              "api.keys",
              "",
              ApiKeys::parse,
              "empty: no authentication; else `key1,key2:value,key3;reveal` (`X-Api-Key`; a key"
                  + " bound to a value of the config's `keyBinding` property, e.g. beneficiaryId,"
                  + " sees only the instances with that value and their children, other lookups are"
                  + " 404; `;reveal` serves `sensitive` attributes unmasked); an entry may be the"
                  + " key's SHA-256 instead, `sha256:<64 hex>[:value][;reveal]` (`shardstream"
                  + " api-key hash`), so the configuration never holds the key")
          .defaultShownAs("empty (open)");

  static final Setting<Duration> POLL_INTERVAL =
      Setting.duration(
          "control.poll.interval",
          "2s",
          Duration.ofMillis(100),
          Duration.ofHours(1),
          "how often the control record is read");

  static final Setting<Integer> REQUESTS_MAX =
      Setting.integer(
          "query.requests.max",
          Admission.DEFAULT_REQUESTS,
          1,
          100_000,
          "`/v1` requests in progress at once on this instance; beyond them (after"
              + " `query.requests.wait`) 429 with `Retry-After`");

  static final Setting<Duration> REQUESTS_WAIT =
      Setting.duration(
          "query.requests.wait",
          Setting.format(Admission.DEFAULT_WAIT),
          Duration.ZERO,
          Duration.ofSeconds(10),
          "how long a request beyond `query.requests.max` waits for a place before its 429");

  static final Setting<Integer> CONNECTIONS_MAX =
      Setting.integer(
          "http.connections.max",
          Admission.DEFAULT_CONNECTIONS,
          1,
          1_000_000,
          "open HTTP connections at once; beyond them new connections wait in the operating"
              + " system's (bounded) accept queue");

  /** Every key the query API reads, in the order of its README table. */
  public static final SettingsSpec SPEC =
      SettingsSpec.of(
              "query-api",
              CommonSettings.HTTP_HOST,
              PORT,
              CommonSettings.HTTPS_KEYSTORE,
              CommonSettings.HTTPS_KEYSTORE_PASSWORD,
              CommonSettings.DYNAMODB_ENDPOINT,
              CommonSettings.DYNAMODB_REGION,
              CommonSettings.DYNAMODB_TABLE,
              CommonSettings.ENTITY_CONFIG,
              CURSOR,
              LIMIT_MAX,
              PARALLELISM,
              REQUESTS_MAX,
              REQUESTS_WAIT,
              CONNECTIONS_MAX,
              KEYS,
              CommonSettings.CONTROL_TABLE.withDoc(
                  CommonSettings.CONTROL_TABLE.doc()
                      + "; the API serves the table and configuration its record names, followed"
                      + " without a restart (`dynamodb.table` / `entity.config` only while there is"
                      + " no record)"),
              POLL_INTERVAL)
          .plus(OpsSettings.settings().toArray(Setting<?>[]::new))
          .plus(ChangeFeedSettings.SETTINGS.toArray(Setting<?>[]::new));

  /** A key other code names. */
  public static final String CURSOR_KEY = CURSOR.key();

  /** Keys the load benchmark sets on the instance it loads. */
  public static final String REQUESTS_MAX_KEY = REQUESTS_MAX.key();

  public static final String REQUESTS_WAIT_KEY = REQUESTS_WAIT.key();

  public QueryApiSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dynamoDbEndpoint, "dynamoDbEndpoint");
    Objects.requireNonNull(dynamoDbRegion, "dynamoDbRegion");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(entityConfig, "entityConfig");
    Objects.requireNonNull(cursorKey, "cursorKey");
    Objects.requireNonNull(apiKeys, "apiKeys");
    Objects.requireNonNull(controlTable, "controlTable");
    Objects.requireNonNull(controlPollInterval, "controlPollInterval");
    Objects.requireNonNull(https, "https");
    Objects.requireNonNull(changeFeed, "changeFeed");
    Objects.requireNonNull(admission, "admission");
  }

  /** Settings without HTTPS or a change feed ({@code /v1/changes} answers 503). */
  public QueryApiSettings(
      String host,
      int port,
      Optional<URI> dynamoDbEndpoint,
      Optional<String> dynamoDbRegion,
      String table,
      EntityConfig entityConfig,
      String entityConfigSource,
      CursorKey cursorKey,
      int maxLimit,
      int parallelism,
      ApiKeys apiKeys,
      Optional<String> controlTable,
      Duration controlPollInterval) {
    this(
        host,
        port,
        dynamoDbEndpoint,
        dynamoDbRegion,
        table,
        entityConfig,
        entityConfigSource,
        cursorKey,
        maxLimit,
        parallelism,
        apiKeys,
        controlTable,
        controlPollInterval,
        Optional.empty(),
        ChangeFeedSettings.NONE,
        Admission.DEFAULT);
  }

  /** Settings without a control table: the API serves {@code table} with {@code entityConfig}. */
  public QueryApiSettings(
      String host,
      int port,
      Optional<URI> dynamoDbEndpoint,
      Optional<String> dynamoDbRegion,
      String table,
      EntityConfig entityConfig,
      String entityConfigSource,
      CursorKey cursorKey,
      int maxLimit,
      int parallelism,
      ApiKeys apiKeys) {
    this(
        host,
        port,
        dynamoDbEndpoint,
        dynamoDbRegion,
        table,
        entityConfig,
        entityConfigSource,
        cursorKey,
        maxLimit,
        parallelism,
        apiKeys,
        Optional.empty(),
        DEFAULT_CONTROL_POLL_INTERVAL);
  }

  /** Every key with its default ({@code ""}: unset). */
  public static Map<String, String> defaults() {
    return SPEC.defaults();
  }

  /**
   * The dead-letter and pipeline settings ({@link OpsSettings}) among {@code settings}.
   *
   * @throws SettingsException naming every bad setting and its environment variable
   */
  public static OpsSettings operations(Settings settings) {
    SettingsCheck check = SPEC.check(settings);
    LoadedConfig config = CommonSettings.entityConfig(check);
    OpsSettings operations = OpsSettings.from(check, config == null ? null : config.config());
    check.throwIfAny();
    return operations;
  }

  /** Defaults, then the file (when given), then the process environment. */
  public static Settings load(Path file) {
    return SPEC.load(file, System.getenv());
  }

  /**
   * @throws SettingsException naming every bad setting and its environment variable
   */
  public static QueryApiSettings from(Settings settings) {
    SettingsCheck check = SPEC.check(settings);
    Optional<URI> endpoint = check.get(CommonSettings.DYNAMODB_ENDPOINT);
    String table = check.get(CommonSettings.DYNAMODB_TABLE);
    LoadedConfig config = CommonSettings.entityConfig(check);
    // A bad endpoint is reported already: no second message about the cursor key.
    CursorKey cursorKey = cursorKey(check, endpoint == null || endpoint.isPresent());
    String host = check.get(CommonSettings.HTTP_HOST);
    int port = check.get(PORT);
    Optional<String> region = check.get(CommonSettings.DYNAMODB_REGION);
    int maxLimit = check.get(LIMIT_MAX);
    int parallelism = check.get(PARALLELISM);
    ApiKeys keys = check.get(KEYS);
    Duration pollInterval = check.get(POLL_INTERVAL);
    Optional<HttpsKeystore> https = HttpsKeystore.read(check);
    ChangeFeedSettings changeFeed = ChangeFeedSettings.from(check);
    Integer requests = check.get(REQUESTS_MAX);
    Duration wait = check.get(REQUESTS_WAIT);
    Integer connections = check.get(CONNECTIONS_MAX);
    check.throwIfAny();
    return new QueryApiSettings(
        host,
        port,
        endpoint,
        region,
        table,
        config.config(),
        config.source(),
        cursorKey,
        maxLimit,
        parallelism,
        keys,
        CommonSettings.controlTable(settings, table),
        pollInterval,
        https,
        changeFeed,
        new Admission(requests, wait, connections));
  }

  public QueryApiSettings withPort(int newPort) {
    return new QueryApiSettings(
        host,
        newPort,
        dynamoDbEndpoint,
        dynamoDbRegion,
        table,
        entityConfig,
        entityConfigSource,
        cursorKey,
        maxLimit,
        parallelism,
        apiKeys,
        controlTable,
        controlPollInterval,
        https,
        changeFeed,
        admission);
  }

  public QueryApiSettings withAdmission(Admission newAdmission) {
    return new QueryApiSettings(
        host,
        port,
        dynamoDbEndpoint,
        dynamoDbRegion,
        table,
        entityConfig,
        entityConfigSource,
        cursorKey,
        maxLimit,
        parallelism,
        apiKeys,
        controlTable,
        controlPollInterval,
        https,
        changeFeed,
        newAdmission);
  }

  /**
   * The key cursors are signed with: required against AWS; a local endpoint runs with the public
   * development key.
   */
  private static CursorKey cursorKey(SettingsCheck check, boolean localEndpoint) {
    Optional<String> text = check.get(CURSOR);
    if (text.isEmpty()) {
      if (!localEndpoint) {
        check.problem(
            CURSOR,
            "required against AWS DynamoDB: base64 of at least 16 secret bytes, the same on"
                + " every instance (e.g. `openssl rand -base64 32`); only a local"
                + " dynamodb.endpoint runs with the development key");
      }
      return CursorKey.DEVELOPMENT;
    }
    try {
      byte[] key = decodeBase64(text.get());
      if (key.length < CursorKey.MIN_BYTES) {
        check.problem(
            CURSOR, "must decode to at least " + CursorKey.MIN_BYTES + " bytes, got " + key.length);
        return CursorKey.DEVELOPMENT;
      }
      return new CursorKey(key, false);
    } catch (IllegalArgumentException e) {
      check.problem(CURSOR, "must be base64 (standard or URL-safe)");
      return CursorKey.DEVELOPMENT;
    }
  }

  private static byte[] decodeBase64(String text) {
    return text.contains("-") || text.contains("_")
        ? Base64.getUrlDecoder().decode(text)
        : Base64.getDecoder().decode(text);
  }

  /**
   * The secret cursors are signed with.
   *
   * @param development the fixed, public development key: cursors signed with it can be forged
   */
  public record CursorKey(byte[] bytes, boolean development) {
    public static final int MIN_BYTES = 16;
    static final CursorKey DEVELOPMENT =
        new CursorKey(
            "shardstream development cursor key - not a secret".getBytes(StandardCharsets.UTF_8),
            true);

    public CursorKey {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof CursorKey k
          && java.util.Arrays.equals(bytes, k.bytes)
          && development == k.development;
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return development ? "CursorKey[development]" : "CursorKey[" + bytes.length + " bytes]";
    }
  }
}
