package io.shardstream.dynamo.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.testing.SeedUsers;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.dynamo.ItemMapper;
import io.shardstream.dynamo.LocalDynamoDb;
import io.shardstream.dynamo.LocalDynamoDb.TableRow;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.table.TableCreator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The seed table with its 12 indexes on DynamoDB Local, written through the BatchWriter. */
@ExtendWith(DevStackExtension.class)
class BatchWriterIT {
  private static final Logger LOG = LoggerFactory.getLogger(BatchWriterIT.class);
  private static final EntityManager MANAGER = SeedUsers.MANAGER;
  private static final TableKeys KEYS = TableKeys.of(SeedUsers.CONFIG);
  private static final int USERS = 5_000;

  @Test
  void writesFiveThousandKeyedUsersThenUpdatesAndDeletesAndReadsBackTheSame(
      DynamoDbEndpoint endpoint) {
    String table = LocalDynamoDb.tableName("users");
    try (DynamoDbClient client = LocalDynamoDb.client(endpoint)) {
      TableCreator.ensure(client, table, SeedUsers.CONFIG);
      BatchWriter writer = BatchWriter.builder(client, table, KEYS).build();
      warmUp(client);

      List<Map<String, Object>> users =
          IntStream.range(0, USERS)
              .mapToObj(i -> MANAGER.addKeys("user", NumberedUsers.user(i)))
              .toList();
      List<WriteOperation> inserts =
          users.stream().map(WriteOperation::putItem).map(WriteOperation.class::cast).toList();

      BatchWriteResult inserted = writer.write(inserts);

      LOG.info(
          String.format(
              Locale.ROOT,
              "inserted %,d users (12 GSIs) in %d ms: %,.0f items/s," + " %d requests, %d retries",
              inserted.written(),
              inserted.elapsed().toMillis(),
              inserted.operationsPerSecond(),
              inserted.requests(),
              inserted.retries()));
      assertThat(inserted.written()).isEqualTo(USERS);
      assertThat(inserted.rejected()).isEmpty();

      List<WriteOperation> changes = changes(users);
      BatchWriteResult changed = writer.write(changes);

      LOG.info(
          String.format(
              Locale.ROOT,
              "then %,d mixed operations (%,d superseded in batch) in"
                  + " %d ms: %,.0f operations/s",
              changes.size(),
              changed.superseded(),
              changed.elapsed().toMillis(),
              changed.operationsPerSecond()));
      assertThat(changed.rejected()).isEmpty();
      assertThat(changed.superseded()).isPositive();

      Map<TableRow, Map<String, Object>> expected = applyInOrder(inserts, changes);
      Map<TableRow, Map<String, Object>> actual = LocalDynamoDb.scan(client, table, KEYS);
      assertThat(actual).hasSize(expected.size());
      assertThat(actual).isEqualTo(expected);
      assertNumericIndexSortsByNumber(client, table, actual);
    }
  }

  @Test
  void reportsWritesDynamoDbRefusesAndWritesTheRestOfTheirBatch(DynamoDbEndpoint endpoint) {
    String table = LocalDynamoDb.tableName("refused");
    try (DynamoDbClient client = LocalDynamoDb.client(endpoint)) {
      TableCreator.ensure(client, table, SeedUsers.CONFIG);
      List<WriteOperation> operations = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        Map<String, Object> user =
            new LinkedHashMap<>(MANAGER.addKeys("user", NumberedUsers.user(i)));
        if (i == 7) {
          user.put("updated", "yesterday"); // the 'updated' index wants a number
        }
        if (i == 21) {
          user.put("phone", ""); // index keys cannot be empty strings
        }
        operations.add(WriteOperation.putItem(user));
      }

      BatchWriteResult result = BatchWriter.builder(client, table, KEYS).build().write(operations);

      result.rejected().forEach(r -> LOG.info("rejected #{}: {}", r.index(), r.reason()));
      assertThat(result.rejected()).extracting(RejectedWrite::index).containsExactly(7, 21);
      assertThat(result.rejected())
          .allSatisfy(
              r ->
                  assertThat(r.reason())
                      .startsWith("DynamoDB refused the write: ValidationException"));
      assertThat(result.written()).isEqualTo(28);
      assertThat(LocalDynamoDb.scan(client, table, KEYS)).hasSize(28);
    }
  }

  /**
   * DynamoDB Local and this JVM run several times faster once compiled: write 1,000 users to a
   * scratch table first, so the logged rate is closer to the steady state.
   */
  private static void warmUp(DynamoDbClient client) {
    String scratch = LocalDynamoDb.tableName("warm-up");
    TableCreator.ensure(client, scratch, SeedUsers.CONFIG);
    BatchWriteResult result =
        BatchWriter.builder(client, scratch, KEYS)
            .build()
            .write(
                IntStream.range(USERS, USERS + 1_000)
                    .mapToObj(
                        i -> WriteOperation.putItem(MANAGER.addKeys("user", NumberedUsers.user(i))))
                    .toList());
    LOG.info(
        String.format(
            Locale.ROOT,
            "warm-up: %,d users at %,.0f items/s",
            result.written(),
            result.operationsPerSecond()));
    client.deleteTable(b -> b.tableName(scratch));
  }

  /**
   * Updates (two versions in a row, so the batch keeps the second), deletes, and keys that come
   * back several times far apart in the list (so they span batches).
   */
  private static List<WriteOperation> changes(List<Map<String, Object>> users) {
    List<WriteOperation> changes = new ArrayList<>();
    List<WriteOperation> late = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      Map<String, Object> user = users.get(i);
      if (i % 5 == 0) {
        changes.add(WriteOperation.delete(KEYS, MANAGER.primaryKey("user", user)));
      } else if (i % 7 == 0) {
        changes.add(WriteOperation.putItem(renamed(user, "Interim", 1)));
        changes.add(WriteOperation.putItem(renamed(user, "Renamed", 2)));
      } else if (i % 11 == 0) {
        changes.add(WriteOperation.putItem(renamed(user, "Early", 3)));
        late.add(WriteOperation.delete(KEYS, MANAGER.primaryKey("user", user)));
        late.add(WriteOperation.putItem(renamed(user, "Late", 4)));
      }
    }
    // Deletes and re-puts of keys written hundreds of batches earlier, each key twice.
    changes.addAll(late.stream().filter(op -> op instanceof WriteOperation.Delete).toList());
    changes.addAll(late.stream().filter(op -> op instanceof WriteOperation.Put).toList());
    return changes;
  }

  private static Map<String, Object> renamed(Map<String, Object> user, String lastName, int bump) {
    Map<String, Object> changed = new LinkedHashMap<>(user);
    changed.put("lastName", lastName);
    changed.put("updated", ((Long) user.get("updated")) + bump);
    return MANAGER.addKeys("user", changed);
  }

  @SafeVarargs
  private static Map<TableRow, Map<String, Object>> applyInOrder(List<WriteOperation>... lists) {
    Map<TableRow, Map<String, Object>> table = new HashMap<>();
    for (List<WriteOperation> operations : lists) {
      for (WriteOperation operation : operations) {
        switch (operation) {
          case WriteOperation.Put put -> {
            Map<String, Object> item = ItemMapper.fromAttributes(put.item());
            table.put(TableRow.of(item, KEYS.hashKey(), KEYS.rangeKey()), item);
          }
          case WriteOperation.Delete delete ->
              table.remove(
                  new TableRow(
                      delete.key().get(KEYS.hashKey()).s(), delete.key().get(KEYS.rangeKey()).s()));
        }
      }
    }
    return table;
  }

  /** One shard of the 'created' index: its items come back in numeric order of 'created'. */
  private static void assertNumericIndexSortsByNumber(
      DynamoDbClient client, String table, Map<TableRow, Map<String, Object>> items) {
    String shard = items.keySet().iterator().next().hashKey();
    List<Long> created =
        client
            .queryPaginator(
                b ->
                    b.tableName(table)
                        .indexName("created")
                        .keyConditionExpression("hashKey = :h")
                        .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(shard))))
            .items()
            .stream()
            .map(item -> Long.parseLong(item.get("created").n()))
            .toList();
    long inShard = items.keySet().stream().filter(row -> row.hashKey().equals(shard)).count();
    assertThat(created).hasSize((int) inShard).isSorted();
  }
}
