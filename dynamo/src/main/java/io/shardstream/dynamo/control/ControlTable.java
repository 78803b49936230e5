package io.shardstream.dynamo.control;

import io.shardstream.core.config.LoadedConfig;
import io.shardstream.dynamo.internal.table.TableActiveWaiter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The small table holding the {@link ControlRecord}: one item with key {@code id = "active"}. Reads
 * are strongly consistent; writes are conditional on the revision read (optimistic concurrency), so
 * a switch and a rollback racing each other cannot both win.
 */
public final class ControlTable {
  /** The key attribute of the control table, and the value of the one record in it. */
  public static final String KEY = "id";

  public static final String ACTIVE = "active";

  static final String TABLE = "table";
  static final String CONFIG = "config";
  static final String CONFIG_VERSION = "configVersion";
  static final String PREVIOUS_TABLE = "previousTable";
  static final String PREVIOUS_CONFIG = "previousConfig";
  static final String PREVIOUS_CONFIG_VERSION = "previousConfigVersion";
  static final String SWITCHED_AT = "switchedAt";
  static final String REVISION = "revision";

  private final DynamoDbClient client;
  private final String name;

  public ControlTable(DynamoDbClient client, String name) {
    this.client = Objects.requireNonNull(client, "client");
    this.name = Objects.requireNonNull(name, "name");
  }

  /** The default control table of a data table: {@code <table>-control}. */
  public static String defaultName(String dataTable) {
    return dataTable + "-control";
  }

  /** {@code control.table=none}: no control record. */
  public static final String NONE = "none";

  /**
   * The control table a {@code control.table} setting names for {@code dataTable}: blank means
   * {@link #defaultName}, {@value #NONE} means none; the one rule of the replay and the query API.
   */
  public static Optional<String> nameFrom(String setting, String dataTable) {
    String name = setting == null ? "" : setting.trim();
    if (name.equalsIgnoreCase(NONE)) {
      return Optional.empty();
    }
    return Optional.of(name.isEmpty() ? defaultName(dataTable) : name);
  }

  public String name() {
    return name;
  }

  /** Creates the control table (on demand billing) if it does not exist, and waits until ACTIVE. */
  public void ensureExists() {
    try {
      client.createTable(
          b ->
              b.tableName(name)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName(KEY)
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build()));
    } catch (ResourceInUseException exists) {
      // Created before (or by a concurrent caller): fine, wait for it below.
    }
    new TableActiveWaiter(client, Duration.ofMinutes(2), Duration.ofMillis(200)).await(name);
  }

  /** The record, or empty when none was written yet (or the control table does not exist). */
  public Optional<ControlRecord> read() {
    Map<String, AttributeValue> item;
    try {
      item = client.getItem(b -> b.tableName(name).key(key()).consistentRead(true)).item();
    } catch (ResourceNotFoundException missing) {
      return Optional.empty();
    }
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(fromItem(item));
  }

  /**
   * Writes {@code next} if the stored record is still at {@code next.revision() - 1} (or absent,
   * when {@code next.revision()} is 1).
   *
   * @throws ControlConflictException the record changed since it was read
   */
  public ControlRecord write(ControlRecord next) {
    PutItemRequest.Builder put = PutItemRequest.builder().tableName(name).item(toItem(next));
    if (next.revision() <= 1) {
      put.conditionExpression("attribute_not_exists(#id)")
          .expressionAttributeNames(Map.of("#id", KEY));
    } else {
      put.conditionExpression("#rev = :expected")
          .expressionAttributeNames(Map.of("#rev", REVISION))
          .expressionAttributeValues(
              Map.of(":expected", AttributeValue.fromN(Long.toString(next.revision() - 1))));
    }
    try {
      client.putItem(put.build());
      return next;
    } catch (ConditionalCheckFailedException e) {
      throw new ControlConflictException(
          "the control record in table "
              + name
              + " changed while this switch was prepared (expected revision "
              + (next.revision() - 1)
              + "): read it again and retry",
          e);
    }
  }

  /**
   * Makes {@code table} active: the current record's table becomes the previous one. With no record
   * yet, the first one (revision 1) names no previous table; a cut-over from the table the query
   * APIs serve by their settings names it instead ({@link #switchTo(ControlRecord, String, String,
   * String, Instant)}).
   */
  public ControlRecord switchTo(String table, String config, String configVersion, Instant now) {
    ControlRecord next =
        read()
            .map(current -> current.switchedTo(table, config, configVersion, now))
            .orElseGet(
                () ->
                    new ControlRecord(
                        table,
                        config,
                        configVersion,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        now,
                        1));
    return write(next);
  }

  /**
   * Makes {@code table} active; with no record yet, {@code beforeFirst} ({@link
   * ControlRecord#beforeFirstSwitch}) is what it replaces, so the first record names it as the
   * previous table and a rollback can return to it.
   */
  public ControlRecord switchTo(
      ControlRecord beforeFirst, String table, String config, String configVersion, Instant now) {
    return write(read().orElse(beforeFirst).switchedTo(table, config, configVersion, now));
  }

  /**
   * Switches back to the previous table and configuration ({@link ControlRecord#rolledBack}).
   *
   * @throws IllegalStateException there is no record, or it names no previous table
   */
  public ControlRecord rollback(Instant now) {
    ControlRecord current =
        read()
            .orElseThrow(
                () -> new IllegalStateException("no control record in table " + name + " yet"));
    return write(current.rolledBack(now));
  }

  static Map<String, AttributeValue> toItem(ControlRecord record) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(KEY, AttributeValue.fromS(ACTIVE));
    item.put(TABLE, AttributeValue.fromS(record.table()));
    item.put(CONFIG, AttributeValue.fromS(record.config()));
    item.put(CONFIG_VERSION, AttributeValue.fromS(record.configVersion()));
    record.previousTable().ifPresent(t -> item.put(PREVIOUS_TABLE, AttributeValue.fromS(t)));
    record.previousConfig().ifPresent(c -> item.put(PREVIOUS_CONFIG, AttributeValue.fromS(c)));
    record
        .previousConfigVersion()
        .ifPresent(v -> item.put(PREVIOUS_CONFIG_VERSION, AttributeValue.fromS(v)));
    item.put(SWITCHED_AT, AttributeValue.fromS(record.switchedAt().toString()));
    item.put(REVISION, AttributeValue.fromN(Long.toString(record.revision())));
    return item;
  }

  ControlRecord fromItem(Map<String, AttributeValue> item) {
    try {
      Optional<String> previousConfig = string(item, PREVIOUS_CONFIG);
      return new ControlRecord(
          string(item, TABLE).orElseThrow(() -> missing(TABLE)),
          string(item, CONFIG).orElseThrow(() -> missing(CONFIG)),
          string(item, CONFIG_VERSION).orElseThrow(() -> missing(CONFIG_VERSION)),
          string(item, PREVIOUS_TABLE),
          previousConfig,
          string(item, PREVIOUS_CONFIG_VERSION).or(() -> previousConfig.map(ControlTable::version)),
          Instant.parse(string(item, SWITCHED_AT).orElseThrow(() -> missing(SWITCHED_AT))),
          Long.parseLong(
              Optional.ofNullable(item.get(REVISION))
                  .map(AttributeValue::n)
                  .orElseThrow(() -> missing(REVISION))));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "the control record in table " + name + " is malformed: " + e.getMessage(), e);
    }
  }

  /**
   * The version of a previous configuration in a record written before {@value
   * #PREVIOUS_CONFIG_VERSION} was kept beside it: the only case where the text is parsed here.
   */
  private static String version(String previousConfig) {
    return LoadedConfig.parse("the control record's previous configuration", previousConfig)
        .version();
  }

  private static Optional<String> string(Map<String, AttributeValue> item, String attribute) {
    return Optional.ofNullable(item.get(attribute)).map(AttributeValue::s);
  }

  private static IllegalArgumentException missing(String attribute) {
    return new IllegalArgumentException("attribute '" + attribute + "' is missing");
  }

  private static Map<String, AttributeValue> key() {
    return Map.of(KEY, AttributeValue.fromS(ACTIVE));
  }
}
