package io.shardstream.bench.query;

import io.shardstream.bench.BenchException;
import io.shardstream.bench.items.UserItem;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.devstack.Component;
import io.shardstream.devstack.DevStackException;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.DynamoDbStorage;
import io.shardstream.devstack.LocalStack;
import io.shardstream.devstack.LocalStackConfig;
import io.shardstream.dynamo.DynamoDbClients;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.table.TableCreator;
import io.shardstream.dynamo.table.TableDefinition;
import io.shardstream.dynamo.write.BatchWriteListener;
import io.shardstream.dynamo.write.BatchWriteResult;
import io.shardstream.dynamo.write.BatchWriter;
import io.shardstream.dynamo.write.WriteOperation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local in this JVM (devstack, DynamoDB only, in memory, a free port) holding the seed
 * configuration's table, filled with keyed users by the dynamo {@link BatchWriter}.
 */
final class QueryTable implements AutoCloseable {
  static final String TABLE_NAME = "bench-query-users";

  private final LocalStack stack;
  private final EntityConfig config;

  private QueryTable(LocalStack stack, EntityConfig config) {
    this.stack = stack;
    this.config = config;
  }

  /**
   * @param dataDirectory devstack's data folder; nothing is written there with in-memory tables
   */
  static QueryTable start(EntityConfig config, Path dataDirectory) {
    try {
      LocalStack stack =
          LocalStack.start(
              LocalStackConfig.defaults()
                  .withComponents(Component.DYNAMODB)
                  .withPort(Component.DYNAMODB, 0)
                  .withDynamoDbStorage(DynamoDbStorage.IN_MEMORY)
                  .withDataDirectory(dataDirectory));
      return new QueryTable(stack, config);
    } catch (DevStackException e) {
      throw new BenchException("DynamoDB Local did not start: " + e.getMessage(), e);
    }
  }

  DynamoDbEndpoint endpoint() {
    return stack.endpoints().dynamoDb();
  }

  /** A client as the writer builds one: no SDK retries (the BatchWriter retries). */
  DynamoDbClient writeClient(int connections) {
    return DynamoDbClients.create(
        local(DynamoDbClients.Settings.defaults().withMaxConnections(connections))
            .withoutSdkRetries());
  }

  /** A client as a query service builds one: SDK retries on, {@code connections} pooled. */
  DynamoDbClient readClient(int connections) {
    return DynamoDbClients.create(
        local(DynamoDbClients.Settings.defaults().withMaxConnections(connections)));
  }

  private DynamoDbClients.Settings local(DynamoDbClients.Settings settings) {
    return settings.withLocalEndpoint(
        endpoint().url(),
        DynamoDbEndpoint.REGION,
        DynamoDbEndpoint.ACCESS_KEY_ID,
        DynamoDbEndpoint.SECRET_ACCESS_KEY);
  }

  /**
   * The table the configuration defines, with every index ({@code onlyIndexes} empty) or only the
   * named ones.
   */
  TableDefinition create(DynamoDbClient client, Set<String> onlyIndexes) {
    TableDefinition full = TableDefinition.fromConfig(TABLE_NAME, config);
    TableDefinition table =
        onlyIndexes.isEmpty()
            ? full
            : new TableDefinition(
                full.tableName(),
                full.hashKey(),
                full.rangeKey(),
                full.globalIndexes().stream()
                    .filter(index -> onlyIndexes.contains(index.name()))
                    .toList());
    new TableCreator(client, Duration.ofMinutes(2), Duration.ofMillis(100)).ensure(table);
    return table;
  }

  /**
   * Keys the users and writes them with BatchWriteItem, {@code concurrentBatches} batches in
   * flight; {@code progress} hears about every tenth of the way.
   */
  FillResult fill(
      DynamoDbClient client,
      List<UserItem> users,
      int concurrentBatches,
      Consumer<String> progress) {
    EntityManager manager = new EntityManager(config);
    List<WriteOperation> puts = new ArrayList<>(users.size());
    for (UserItem user : users) {
      puts.add(WriteOperation.putItem(manager.addKeys("user", user.toMap())));
    }
    AtomicLong written = new AtomicLong();
    long step = Math.max(1, users.size() / 10);
    long start = System.nanoTime();
    BatchWriteListener listener =
        new BatchWriteListener() {
          @Override
          public void requestCompleted(int items, int unprocessed, Duration latency) {
            long before = written.getAndAdd(items - unprocessed);
            long after = before + items - unprocessed;
            if (after / step > before / step && after < users.size()) {
              double seconds = (System.nanoTime() - start) / 1e9;
              progress.accept(
                  String.format(
                      java.util.Locale.ROOT,
                      "%,d of %,d written (%,.0f items/s)",
                      after,
                      users.size(),
                      after / seconds));
            }
          }
        };
    BatchWriteResult result =
        BatchWriter.builder(client, TABLE_NAME, TableKeys.of(config))
            .maxConcurrentBatches(concurrentBatches)
            .listener(listener)
            .build()
            .write(puts);
    if (!result.allWritten() || result.written() != users.size()) {
      throw new BenchException(
          "the table was not filled: "
              + result.written()
              + " of "
              + users.size()
              + " written, rejected: "
              + result.rejected());
    }
    return new FillResult(
        users.size(), result.elapsed(), result.requests(), result.retries(), concurrentBatches);
  }

  @Override
  public void close() {
    stack.close();
  }
}
