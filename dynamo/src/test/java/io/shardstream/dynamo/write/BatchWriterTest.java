package io.shardstream.dynamo.write;

import static io.shardstream.dynamo.write.FakeDynamoDb.HASH;
import static io.shardstream.dynamo.write.FakeDynamoDb.POISON;
import static io.shardstream.dynamo.write.FakeDynamoDb.RANGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.write.FakeDynamoDb.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class BatchWriterTest {
  private static final TableKeys KEYS = new TableKeys(HASH, RANGE);

  private final FakeDynamoDb dynamoDb = new FakeDynamoDb();
  private final VirtualTime time = new VirtualTime();
  private final RecordingListener listener = new RecordingListener();

  private BatchWriter.Builder writer() {
    return BatchWriter.builder(dynamoDb, FakeDynamoDb.TABLE, KEYS)
        .sleeper(time)
        .nanoClock(time::nanoTime)
        .random(new Random(7))
        .listener(listener);
  }

  @Test
  void keepsTheLastOperationOfAKeyWithinABatch() {
    List<WriteOperation> operations =
        List.of(put("a", 1), put("b", 1), put("a", 2), delete("b"), put("c", 1), put("a", 3));

    BatchWriteResult result = writer().build().write(operations);

    assertThat(dynamoDb.requestSizes()).containsExactly(3);
    assertThat(dynamoDb.item("a", "r")).contains(item("a", 3));
    assertThat(dynamoDb.item("b", "r")).isEmpty();
    assertThat(dynamoDb.item("c", "r")).contains(item("c", 1));
    assertThat(result.written()).isEqualTo(3);
    assertThat(result.superseded()).isEqualTo(3);
    assertThat(result.written() + result.superseded() + result.rejected().size())
        .isEqualTo(operations.size());
  }

  @Test
  void writesAKeyInListOrderAcrossBatchesWhileOtherBatchesRunInParallel() {
    // Batches of 2 distinct keys: a hot key "a" lands in many batches, which must run one after
    // the other; batches of other keys overlap freely.
    List<WriteOperation> operations = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      operations.add(put("a", i));
      operations.add(put("k" + i, i));
      operations.add(put("other" + i, i));
    }
    dynamoDb.latency(Duration.ofMillis(5));

    BatchWriteResult result =
        writer().batchSize(2).maxConcurrentBatches(4).build().write(operations);

    assertThat(dynamoDb.violations()).isEmpty();
    List<Map<String, AttributeValue>> hotKeyWrites = dynamoDb.log("a", "r");
    assertThat(hotKeyWrites).isSortedAccordingTo((x, y) -> Integer.compare(version(x), version(y)));
    assertThat(hotKeyWrites).last().isEqualTo(item("a", 29));
    assertThat(dynamoDb.maxConcurrentRequests()).isBetween(2, 4);
    assertThat(result.written() + result.superseded()).isEqualTo(operations.size());
    assertThat(dynamoDb.table()).hasSize(61);
  }

  @Test
  void retriesUnprocessedItemsUntilAllAreWritten() {
    // The first three answers leave everything but the first write unprocessed.
    dynamoDb.faults(
        (n, writes) ->
            n < 3
                ? new Fault.Unprocessed(
                    Set.copyOf(IntStream.range(1, writes.size()).boxed().toList()))
                : new Fault.None());
    List<WriteOperation> operations =
        IntStream.range(0, 10)
            .mapToObj(i -> put("k" + i, i))
            .map(WriteOperation.class::cast)
            .toList();

    BatchWriteResult result = writer().build().write(operations);

    assertThat(result.written()).isEqualTo(10);
    assertThat(result.requests()).isEqualTo(4);
    assertThat(result.retries()).isEqualTo(3);
    assertThat(dynamoDb.requestSizes()).containsExactly(10, 9, 8, 7);
    assertThat(dynamoDb.table()).hasSize(10);
    assertThat(listener.unprocessed).containsExactly(9, 8, 7, 0);
    assertThat(listener.retryCauses).containsOnly(FailureKind.UNPROCESSED);
  }

  @Test
  void retriesThrottlingServerErrorsAndConnectionFailures() {
    List<Supplier<RuntimeException>> failures =
        List.of(
            FakeDynamoDb::throughputExceeded,
            FakeDynamoDb::throttling,
            FakeDynamoDb::requestLimitExceeded,
            FakeDynamoDb::serverError,
            FakeDynamoDb::connectionReset);
    dynamoDb.faults(
        (n, writes) ->
            n < failures.size() ? new Fault.Fail(failures.get(n).get()) : new Fault.None());

    BatchWriteResult result = writer().build().write(List.of(put("a", 1), put("b", 1)));

    assertThat(result.written()).isEqualTo(2);
    assertThat(result.retries()).isEqualTo(5);
    assertThat(listener.retryCauses)
        .containsExactly(
            FailureKind.THROTTLED,
            FailureKind.THROTTLED,
            FailureKind.THROTTLED,
            FailureKind.SERVER_ERROR,
            FailureKind.CONNECTION);
    assertThat(dynamoDb.table()).hasSize(2);
  }

  @Test
  void reportsInvalidWritesOneByOneWithoutRetryingThemAndWritesTheRest() {
    List<WriteOperation> operations = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Map<String, AttributeValue> item = new LinkedHashMap<>(item("k" + i, i));
      if (i == 3 || i == 17) {
        item.put(POISON, AttributeValue.fromBool(true));
      }
      operations.add(WriteOperation.put(item));
    }

    BatchWriteResult result = writer().build().write(operations);

    assertThat(result.rejected()).extracting(RejectedWrite::index).containsExactly(3, 17);
    assertThat(result.rejected())
        .allSatisfy(
            r -> assertThat(r.reason()).contains("ValidationException").contains("poisoned item"));
    assertThat(result.written()).isEqualTo(18);
    assertThat(result.retries()).isZero();
    assertThat(time.sleeps()).isEmpty();
    assertThat(dynamoDb.table())
        .hasSize(18)
        .doesNotContainKeys(FakeDynamoDb.key("k3", "r"), FakeDynamoDb.key("k17", "r"));
    assertThat(listener.rejected).extracting(RejectedWrite::index).containsExactlyInAnyOrder(3, 17);
  }

  @Test
  void refusesBeforeSendingWritesDynamoDbWouldRefuseForTheWholeBatch() {
    Map<String, AttributeValue> noRangeKey = Map.of(HASH, AttributeValue.fromS("x"));
    Map<String, AttributeValue> tooLarge = new LinkedHashMap<>(item("big", 1));
    tooLarge.put("blob", AttributeValue.fromS("x".repeat(410_000)));
    List<WriteOperation> operations =
        List.of(
            put("a", 1), WriteOperation.put(noRangeKey), WriteOperation.put(tooLarge), delete("b"));

    BatchWriteResult result = writer().build().write(operations);

    assertThat(result.rejected()).extracting(RejectedWrite::index).containsExactly(1, 2);
    assertThat(result.rejected().get(0).reason()).isEqualTo("no key attribute 'rangeKey'");
    assertThat(result.rejected().get(1).reason()).contains("400 KB");
    assertThat(dynamoDb.requestSizes()).containsExactly(2);
    assertThat(result.written()).isEqualTo(2);
  }

  @Test
  void boundsEachDelayAndGivesUpAfterTheAttemptLimit() {
    dynamoDb.faults((n, writes) -> new Fault.Fail(FakeDynamoDb.throttling()));
    RetryPolicy policy =
        new RetryPolicy(6, Duration.ofHours(1), Duration.ofMillis(100), Duration.ofMillis(500));
    List<WriteOperation> operations = List.of(put("a", 1), put("b", 1), put("a", 2));

    assertThatThrownBy(() -> writer().retryPolicy(policy).build().write(operations))
        .isInstanceOfSatisfying(
            BatchWriteAbortedException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("gave up after 6 attempts in a row")
                  .contains("ThrottlingException");
              assertThat(e.notWritten()).containsExactly(0, 1, 2);
              assertThat(e.partial().written()).isZero();
            });
    assertThat(dynamoDb.requests()).isEqualTo(6);
    List<Duration> sleeps = time.sleeps();
    assertThat(sleeps).hasSize(5);
    for (int retry = 1; retry <= sleeps.size(); retry++) {
      assertThat(sleeps.get(retry - 1))
          .isLessThanOrEqualTo(policy.delayCeiling(retry))
          .isLessThanOrEqualTo(Duration.ofMillis(500));
    }
    assertThat(policy.delayCeiling(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.delayCeiling(40)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void givesUpWhenTheNextDelayWouldPassTheElapsedLimit() {
    dynamoDb.faults((n, writes) -> new Fault.Fail(FakeDynamoDb.serverError()));
    RetryPolicy policy =
        new RetryPolicy(
            1_000, Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofSeconds(1));

    assertThatThrownBy(() -> writer().retryPolicy(policy).build().write(List.of(put("a", 1))))
        .isInstanceOf(BatchWriteAbortedException.class)
        .hasMessageContaining("at most PT3S");
    assertThat(time.slept()).isLessThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(dynamoDb.requests()).isLessThan(1_000);
  }

  @Test
  void partialProgressStartsTheAttemptCountAgain() {
    // Each answer writes one item only: 25 requests for 25 writes, fine with 2 attempts allowed.
    dynamoDb.faults(
        (n, writes) ->
            new Fault.Unprocessed(Set.copyOf(IntStream.range(1, writes.size()).boxed().toList())));
    List<WriteOperation> operations =
        IntStream.range(0, 25)
            .mapToObj(i -> put("k" + i, i))
            .map(WriteOperation.class::cast)
            .toList();

    BatchWriteResult result =
        writer()
            .retryPolicy(RetryPolicy.DEFAULT.withMaxAttemptsWithoutProgress(2))
            .build()
            .write(operations);

    assertThat(result.written()).isEqualTo(25);
    assertThat(result.requests()).isEqualTo(25);
  }

  @Test
  void stopsEverythingOnAnErrorNoRetryFixes() {
    dynamoDb.faults((n, writes) -> new Fault.Fail(FakeDynamoDb.tableMissing()));
    List<WriteOperation> operations =
        IntStream.range(0, 100)
            .mapToObj(i -> put("k" + i, i))
            .map(WriteOperation.class::cast)
            .toList();

    assertThatThrownBy(() -> writer().maxConcurrentBatches(1).build().write(operations))
        .isInstanceOfSatisfying(
            BatchWriteAbortedException.class,
            e -> {
              assertThat(e.getMessage()).contains("ResourceNotFoundException");
              assertThat(e.notWritten()).hasSize(100);
            });
    assertThat(dynamoDb.requests()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void anAbortAccountsForEveryOperationAsWrittenOrNotWritten() {
    // The batch holding "k50" keeps being throttled; the others in flight finish, later ones never
    // start, and every operation is accounted for exactly once.
    dynamoDb
        .latency(Duration.ofMillis(2))
        .faults(
            (n, writes) ->
                writes.stream().anyMatch(w -> w.putRequest().item().get(HASH).s().equals("k50"))
                    ? new Fault.Fail(FakeDynamoDb.throttling())
                    : new Fault.None());
    List<WriteOperation> operations =
        IntStream.range(0, 500)
            .mapToObj(i -> put("k" + i, i))
            .map(WriteOperation.class::cast)
            .toList();

    assertThatThrownBy(
            () ->
                writer()
                    .maxConcurrentBatches(4)
                    .retryPolicy(RetryPolicy.DEFAULT.withMaxAttemptsWithoutProgress(3))
                    .build()
                    .write(operations))
        .isInstanceOfSatisfying(
            BatchWriteAbortedException.class,
            e -> {
              assertThat(e.notWritten()).contains(50).doesNotHaveDuplicates();
              assertThat(e.partial().written() + e.notWritten().size()).isEqualTo(500);
              assertThat(dynamoDb.table()).hasSize(e.partial().written());
              e.notWritten().forEach(i -> assertThat(dynamoDb.item("k" + i, "r")).isEmpty());
              assertThat(e.partial().written()).isLessThan(475);
            });
  }

  @Test
  void writesNothingForAnEmptyList() {
    BatchWriteResult result = writer().build().write(List.of());

    assertThat(result.operations()).isZero();
    assertThat(result.batches()).isZero();
    assertThat(dynamoDb.requests()).isZero();
  }

  @Test
  void reportsLatencyBatchSizesAndRequestsToTheListener() {
    dynamoDb.faults(
        (n, writes) -> n == 0 ? new Fault.Fail(FakeDynamoDb.throttling()) : new Fault.None());

    writer()
        .batchSize(3)
        .maxConcurrentBatches(1)
        .build()
        .write(List.of(put("a", 1), put("b", 1), put("c", 1), put("d", 1)));

    assertThat(listener.failures).containsExactly(FailureKind.THROTTLED);
    assertThat(listener.batchSizes).containsExactly(3, 1);
    assertThat(listener.completedRequests.get()).isEqualTo(2);
  }

  static WriteOperation put(String hash, int version) {
    return WriteOperation.put(item(hash, version));
  }

  static WriteOperation delete(String hash) {
    return WriteOperation.delete(FakeDynamoDb.key(hash, "r"));
  }

  static Map<String, AttributeValue> item(String hash, int version) {
    Map<String, AttributeValue> item = new LinkedHashMap<>(FakeDynamoDb.key(hash, "r"));
    item.put("version", AttributeValue.fromN(Integer.toString(version)));
    return item;
  }

  static int version(Map<String, AttributeValue> item) {
    return Integer.parseInt(item.get("version").n());
  }

  static final class RecordingListener implements BatchWriteListener {
    final List<Integer> unprocessed = new CopyOnWriteArrayList<>();
    final List<FailureKind> failures = new CopyOnWriteArrayList<>();
    final List<FailureKind> retryCauses = new CopyOnWriteArrayList<>();
    final List<RejectedWrite> rejected = new CopyOnWriteArrayList<>();
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    final AtomicInteger completedRequests = new AtomicInteger();

    @Override
    public void requestCompleted(int items, int unprocessedItems, Duration latency) {
      completedRequests.incrementAndGet();
      unprocessed.add(unprocessedItems);
    }

    @Override
    public void requestFailed(int items, FailureKind kind, Duration latency) {
      failures.add(kind);
    }

    @Override
    public void retryScheduled(int items, FailureKind cause, int attempt, Duration delay) {
      retryCauses.add(cause);
    }

    @Override
    public void writeRejected(RejectedWrite rejectedWrite) {
      rejected.add(rejectedWrite);
    }

    @Override
    public void batchCompleted(int writes, int requests, Duration latency) {
      batchSizes.add(writes);
    }
  }
}
