package io.shardstream.dynamo.table;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.dynamo.internal.table.DescribeTableOperation;
import io.shardstream.dynamo.internal.table.TableActiveWaiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Makes sure the table an entity configuration needs exists: creates it (with its indexes) when
 * missing and waits until it and every index are ACTIVE; accepts it as is when it matches; and
 * refuses, listing every difference, when it does not. Safe to call from several processes at once.
 */
public final class TableCreator {
  private static final Logger LOG = LoggerFactory.getLogger(TableCreator.class);

  /** What {@link #ensure} found. */
  public enum EnsuredTable {
    /** The table did not exist; this call created it. */
    CREATED,
    /** The table existed with the needed shape. */
    EXISTED
  }

  private final DynamoDbClient client;
  private final TableActiveWaiter waiter;

  /**
   * @param activeTimeout how long to wait for the table and its indexes to become ACTIVE
   * @param pollInterval how often to ask DynamoDB meanwhile
   */
  public TableCreator(DynamoDbClient client, Duration activeTimeout, Duration pollInterval) {
    this.client = client;
    this.waiter = new TableActiveWaiter(client, activeTimeout, pollInterval);
  }

  /** Waits up to 10 minutes (long enough for indexes on a new empty table), polling each second. */
  public TableCreator(DynamoDbClient client) {
    this(client, Duration.ofMinutes(10), Duration.ofSeconds(1));
  }

  /**
   * {@link #ensure(TableDefinition)} for the table the configuration needs.
   *
   * @throws InvalidTableDefinitionException when the configuration asks for keys DynamoDB cannot
   *     hold
   * @throws TableMismatchException when the table exists with another shape
   */
  public static EnsuredTable ensure(DynamoDbClient client, String tableName, EntityConfig config) {
    return new TableCreator(client).ensure(TableDefinition.fromConfig(tableName, config));
  }

  /**
   * Creates the table if missing, checks it if present, and returns once it and its indexes are
   * ACTIVE.
   *
   * @throws TableMismatchException when the table exists with another shape
   * @throws IllegalStateException when the table is being deleted or does not become ACTIVE in time
   */
  public EnsuredTable ensure(TableDefinition wanted) {
    String name = wanted.tableName();
    Optional<TableDescription> existing = DescribeTableOperation.describe(client, name);
    if (existing.isEmpty()) {
      if (CreateTableOperation.create(client, wanted)) {
        LOG.info("creating table '{}' with {} global indexes", name, wanted.globalIndexes().size());
        waiter.await(name);
        return EnsuredTable.CREATED;
      }
      // Lost a race with another creator: check what it made.
      existing = DescribeTableOperation.describe(client, name);
      if (existing.isEmpty()) {
        throw new IllegalStateException(
            "table '" + name + "' was reported as existing but cannot" + " be described");
      }
    }
    requireSameShape(wanted, existing.get());
    waiter.await(name);
    return EnsuredTable.EXISTED;
  }

  private static void requireSameShape(TableDefinition wanted, TableDescription existing) {
    List<String> differences =
        new ArrayList<>(TableComparator.differences(wanted, DescribedTables.definition(existing)));
    // The config never defines local indexes; one on the table adds writes and caps each
    // partition at 10 GB, which is worth knowing before writing to it.
    existing
        .localSecondaryIndexes()
        .forEach(
            index ->
                differences.add(
                    "local index '"
                        + index.indexName()
                        + "' exists on the table but the config defines no local indexes"));
    if (!differences.isEmpty()) {
      throw new TableMismatchException(wanted.tableName(), differences);
    }
  }
}
