package io.shardstream.queryapi;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.ConfigValidationException;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.dynamo.DynamoDbClients;
import io.shardstream.dynamo.control.ControlTable;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.service.InputFiles;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsException;
import io.shardstream.service.SettingsLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the query API runs with, read from {@link Settings} (a properties/YAML file, each key
 * overridable by {@code SHARDSTREAM_*} environment variables) and checked all at once.
 *
 * <table>
 *   <caption>settings</caption>
 *   <tr><td>{@code http.host}, {@code http.port}</td><td>where to listen (0.0.0.0, 8080; port 0
 *       picks a free one)</td></tr>
 *   <tr><td>{@code dynamodb.endpoint}</td><td>empty: AWS itself; a URL: DynamoDB Local, which
 *       also marks a development set-up</td></tr>
 *   <tr><td>{@code dynamodb.region}</td><td>empty: the SDK's default lookup</td></tr>
 *   <tr><td>{@code dynamodb.table}</td><td>the single table (shardstream)</td></tr>
 *   <tr><td>{@code entity.config}</td><td>the entity configuration file; empty: the seed
 *       User/Email configuration</td></tr>
 *   <tr><td>{@code cursor.key}</td><td>base64 of at least 16 secret bytes, shared by every
 *       instance; required against AWS, a fixed development key (with a warning) against a local
 *       endpoint</td></tr>
 *   <tr><td>{@code query.limit.max}</td><td>largest page a client may ask for (100)</td></tr>
 *   <tr><td>{@code query.parallelism}</td><td>DynamoDB requests in flight at once, over all
 *       searches (16)</td></tr>
 *   <tr><td>{@code api.keys}</td><td>empty: no authentication; else
 *       {@code key,key:beneficiaryId,...}
 *       (a key with {@code :beneficiaryId} sees only that beneficiary's users)</td></tr>
 *   <tr><td>{@code control.table}</td><td>the control table whose record names the active table
 *       and its configuration (written by {@code shardstream replay}), followed without a
 *       restart; empty: {@code <dynamodb.table>-control}, replay's default; {@code none}: serve
 *       {@code dynamodb.table} only</td></tr>
 *   <tr><td>{@code control.poll.interval}</td><td>how often the control record is read (2s)</td></tr>
 * </table>
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
    Duration controlPollInterval) {

  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_PORT = "http.port";
  public static final String DYNAMODB_ENDPOINT = "dynamodb.endpoint";
  public static final String DYNAMODB_REGION = "dynamodb.region";
  public static final String DYNAMODB_TABLE = "dynamodb.table";
  public static final String ENTITY_CONFIG = "entity.config";
  public static final String CURSOR_KEY = "cursor.key";
  public static final String QUERY_LIMIT_MAX = "query.limit.max";
  public static final String QUERY_PARALLELISM = "query.parallelism";
  public static final String API_KEYS = "api.keys";
  public static final String CONTROL_TABLE = "control.table";
  public static final String CONTROL_POLL_INTERVAL = "control.poll.interval";

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_TABLE = "shardstream";
  public static final int DEFAULT_MAX_LIMIT = 100;

  /** A page size nobody needs more of; it bounds the work one request can cause. */
  public static final int LARGEST_MAX_LIMIT = 1000;

  public static final int DEFAULT_PARALLELISM = 16;
  public static final Duration DEFAULT_CONTROL_POLL_INTERVAL = Duration.ofSeconds(2);

  /** {@code control.table=none}: no control record. */
  public static final String NO_CONTROL_TABLE = ControlTable.NONE;

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
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(HTTP_HOST, "0.0.0.0");
    defaults.put(HTTP_PORT, Integer.toString(DEFAULT_PORT));
    defaults.put(DYNAMODB_ENDPOINT, "");
    defaults.put(DYNAMODB_REGION, "");
    defaults.put(DYNAMODB_TABLE, DEFAULT_TABLE);
    defaults.put(ENTITY_CONFIG, "");
    defaults.put(CURSOR_KEY, "");
    defaults.put(QUERY_LIMIT_MAX, Integer.toString(DEFAULT_MAX_LIMIT));
    defaults.put(QUERY_PARALLELISM, Integer.toString(DEFAULT_PARALLELISM));
    defaults.put(API_KEYS, "");
    defaults.put(CONTROL_TABLE, "");
    defaults.put(CONTROL_POLL_INTERVAL, "2s");
    return defaults;
  }

  /** Defaults, then the file (when given), then the process environment. */
  public static Settings load(Path file) {
    return new SettingsLoader().defaults(defaults()).file(file).environment(System.getenv()).load();
  }

  /**
   * @throws SettingsException naming every bad setting and its environment variable
   */
  public static QueryApiSettings from(Settings settings) {
    List<String> problems = new ArrayList<>();
    String host = settings.get(HTTP_HOST, "0.0.0.0");
    int port = intIn(settings, HTTP_PORT, DEFAULT_PORT, 0, 65_535, problems);
    Optional<URI> endpoint =
        settings.get(DYNAMODB_ENDPOINT).map(String::trim).flatMap(text -> uri(text, problems));
    Optional<String> region = settings.get(DYNAMODB_REGION).map(String::trim);
    String table = settings.get(DYNAMODB_TABLE, DEFAULT_TABLE).trim();
    Optional<String> configFile = settings.get(ENTITY_CONFIG).map(String::trim);
    EntityConfig config = entityConfig(configFile, problems);
    CursorKey cursorKey = cursorKey(settings.get(CURSOR_KEY), endpoint.isPresent(), problems);
    int maxLimit =
        intIn(settings, QUERY_LIMIT_MAX, DEFAULT_MAX_LIMIT, 1, LARGEST_MAX_LIMIT, problems);
    int parallelism = intIn(settings, QUERY_PARALLELISM, DEFAULT_PARALLELISM, 1, 1024, problems);
    ApiKeys keys = ApiKeys.NONE;
    try {
      keys = ApiKeys.parse(settings.get(API_KEYS, ""));
    } catch (IllegalArgumentException e) {
      problems.add(describe(API_KEYS) + ": " + e.getMessage());
    }
    Optional<String> controlTable = controlTable(settings.get(CONTROL_TABLE, ""), table);
    Duration pollInterval = DEFAULT_CONTROL_POLL_INTERVAL;
    try {
      pollInterval = settings.getDuration(CONTROL_POLL_INTERVAL, DEFAULT_CONTROL_POLL_INTERVAL);
      if (pollInterval.toMillis() < 100 || pollInterval.compareTo(Duration.ofHours(1)) > 0) {
        problems.add(
            describe(CONTROL_POLL_INTERVAL) + " must be between 100ms and 1h, got " + pollInterval);
      }
    } catch (SettingsException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new SettingsException(
          "invalid query-api settings:\n  " + String.join("\n  ", problems));
    }
    return new QueryApiSettings(
        host,
        port,
        endpoint,
        region,
        table,
        config,
        configFile.orElse("the seed configuration (" + ExampleConfigs.USER_EMAIL + ")"),
        cursorKey,
        maxLimit,
        parallelism,
        keys,
        controlTable,
        pollInterval);
  }

  /**
   * The control table followed: by default the one {@code shardstream replay} writes for this table
   * ({@code <dynamodb.table>-control}), so a cut-over needs no settings change; {@code none} serves
   * {@code dynamodb.table} and never looks for a record.
   */
  private static Optional<String> controlTable(String setting, String table) {
    return ControlTable.nameFrom(setting, table);
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
        controlPollInterval);
  }

  private static int intIn(
      Settings settings, String key, int fallback, int min, int max, List<String> problems) {
    try {
      int value = settings.getInt(key, fallback);
      if (value < min || value > max) {
        problems.add(describe(key) + " must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    } catch (SettingsException e) {
      problems.add(e.getMessage());
      return fallback;
    }
  }

  private static Optional<URI> uri(String text, List<String> problems) {
    try {
      return Optional.of(DynamoDbClients.endpoint(text));
    } catch (IllegalArgumentException e) {
      problems.add(describe(DYNAMODB_ENDPOINT) + ": " + e.getMessage());
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
      problems.add(describe(ENTITY_CONFIG) + ": " + e.getMessage());
      return null;
    } catch (IOException | ConfigValidationException e) {
      problems.add(
          describe(ENTITY_CONFIG)
              + ": cannot load "
              + file.orElse("the seed")
              + ": "
              + e.getMessage());
      return null;
    }
  }

  private static CursorKey cursorKey(
      Optional<String> text, boolean localEndpoint, List<String> problems) {
    if (text.isEmpty()) {
      if (!localEndpoint) {
        problems.add(
            describe(CURSOR_KEY)
                + " is required against AWS DynamoDB: base64 of at "
                + "least 16 secret bytes, the same on every instance (e.g. `openssl rand -base64 "
                + "32`); only a local dynamodb.endpoint runs with the development key");
      }
      return CursorKey.DEVELOPMENT;
    }
    try {
      byte[] key = decodeBase64(text.get().trim());
      if (key.length < CursorKey.MIN_BYTES) {
        problems.add(
            describe(CURSOR_KEY)
                + " must decode to at least "
                + CursorKey.MIN_BYTES
                + " bytes, got "
                + key.length);
        return CursorKey.DEVELOPMENT;
      }
      return new CursorKey(key, false);
    } catch (IllegalArgumentException e) {
      problems.add(describe(CURSOR_KEY) + " must be base64 (standard or URL-safe)");
      return CursorKey.DEVELOPMENT;
    }
  }

  private static byte[] decodeBase64(String text) {
    return text.contains("-") || text.contains("_")
        ? Base64.getUrlDecoder().decode(text)
        : Base64.getDecoder().decode(text);
  }

  private static String describe(String key) {
    return "'" + key + "' (" + Settings.envName(key) + ")";
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
