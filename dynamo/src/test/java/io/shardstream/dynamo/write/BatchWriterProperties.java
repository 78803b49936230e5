package io.shardstream.dynamo.write;

import static io.shardstream.dynamo.write.FakeDynamoDb.HASH;
import static io.shardstream.dynamo.write.FakeDynamoDb.RANGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.write.FakeDynamoDb.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whatever the batch size, parallelism and mix of unprocessed items and throttling, the table ends
 * as if the operations had been applied one by one in order, and each key saw its writes in order.
 */
class BatchWriterProperties {

  /** One operation on one of a few keys; {@code delete} or a put of the op's position. */
  record Op(int key, boolean delete) {}

  @Property(tries = 300)
  void tableEqualsApplyingTheOperationsInOrder(
      @ForAll("operations") List<Op> ops,
      @ForAll @IntRange(min = 1, max = 25) int batchSize,
      @ForAll @IntRange(min = 1, max = 8) int parallelism,
      @ForAll @IntRange(min = 0, max = 40) int faultPercent,
      @ForAll long seed) {
    FakeDynamoDb dynamoDb = new FakeDynamoDb().faults(randomFaults(seed, faultPercent));
    VirtualTime time = new VirtualTime();
    List<WriteOperation> operations = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      operations.add(
          op.delete()
              ? WriteOperation.delete(key(op.key()))
              : WriteOperation.put(item(op.key(), i)));
    }

    BatchWriteResult result =
        BatchWriter.builder(dynamoDb, FakeDynamoDb.TABLE, new TableKeys(HASH, RANGE))
            .batchSize(batchSize)
            .maxConcurrentBatches(parallelism)
            .retryPolicy(
                new RetryPolicy(
                    10_000, Duration.ofDays(1), Duration.ofMillis(10), Duration.ofSeconds(1)))
            .sleeper(time)
            .nanoClock(time::nanoTime)
            .random(new Random(seed))
            .build()
            .write(operations);

    assertThat(dynamoDb.violations()).isEmpty();
    assertThat(dynamoDb.table()).isEqualTo(applyInOrder(operations));
    assertThat(result.rejected()).isEmpty();
    assertThat(result.written() + result.superseded()).isEqualTo(ops.size());
    assertEachKeySawItsWritesInOrder(operations, dynamoDb);
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(0, 4).map(n -> n == 0))
            .as(Op::new);
    return op.list().ofMaxSize(300);
  }

  /** Per request: throttled, failed, some writes left unprocessed, or fine. */
  private static FakeDynamoDb.FaultInjector randomFaults(long seed, int faultPercent) {
    Random random = new Random(seed);
    return (n, writes) -> {
      synchronized (random) {
        int roll = random.nextInt(100);
        if (roll >= faultPercent) {
          return new Fault.None();
        }
        return switch (random.nextInt(4)) {
          case 0 -> new Fault.Fail(FakeDynamoDb.throughputExceeded());
          case 1 ->
              new Fault.Fail(
                  random.nextBoolean()
                      ? FakeDynamoDb.serverError()
                      : FakeDynamoDb.connectionReset());
          default -> {
            Set<Integer> skipped = new HashSet<>();
            for (int i = 0; i < writes.size(); i++) {
              if (random.nextBoolean()) {
                skipped.add(i);
              }
            }
            yield new Fault.Unprocessed(skipped);
          }
        };
      }
    };
  }

  private static Map<Map<String, AttributeValue>, Map<String, AttributeValue>> applyInOrder(
      List<WriteOperation> operations) {
    Map<Map<String, AttributeValue>, Map<String, AttributeValue>> table = new HashMap<>();
    for (WriteOperation operation : operations) {
      switch (operation) {
        case WriteOperation.Put put -> table.put(keyOf(put.item()), put.item());
        case WriteOperation.Delete delete -> table.remove(delete.key());
      }
    }
    return table;
  }

  /**
   * What DynamoDB applied to a key is a subsequence of the key's operations (some replaced inside a
   * batch), in their order.
   */
  private static void assertEachKeySawItsWritesInOrder(
      List<WriteOperation> operations, FakeDynamoDb dynamoDb) {
    Map<Map<String, AttributeValue>, List<Map<String, AttributeValue>>> expected =
        new LinkedHashMap<>();
    for (WriteOperation operation : operations) {
      switch (operation) {
        case WriteOperation.Put put ->
            expected.computeIfAbsent(keyOf(put.item()), k -> new ArrayList<>()).add(put.item());
        case WriteOperation.Delete delete ->
            expected.computeIfAbsent(delete.key(), k -> new ArrayList<>()).add(null);
      }
    }
    dynamoDb
        .logs()
        .forEach(
            (key, applied) -> {
              List<Map<String, AttributeValue>> wanted = expected.get(key);
              int next = 0;
              for (Map<String, AttributeValue> write : applied) {
                while (next < wanted.size() && !java.util.Objects.equals(wanted.get(next), write)) {
                  next++;
                }
                assertThat(next)
                    .as("write %s of key %s is out of order", write, key)
                    .isLessThan(wanted.size());
                next++;
              }
            });
  }

  private static Map<String, AttributeValue> key(int key) {
    return FakeDynamoDb.key("user!" + key, "userId#" + key);
  }

  private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    key.put(HASH, item.get(HASH));
    key.put(RANGE, item.get(RANGE));
    return key;
  }

  private static Map<String, AttributeValue> item(int key, int position) {
    Map<String, AttributeValue> item = new LinkedHashMap<>(key(key));
    item.put("position", AttributeValue.fromN(Integer.toString(position)));
    return item;
  }
}
