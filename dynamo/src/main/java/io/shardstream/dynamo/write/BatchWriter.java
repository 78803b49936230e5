package io.shardstream.dynamo.write;

import io.shardstream.dynamo.TableKeys;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Writes ordered lists of {@link WriteOperation}s to one table with BatchWriteItem, and returns
 * only when every write is durable or known to be impossible, so the caller can commit its source
 * offsets after it.
 *
 * <ul>
 *   <li>Batches of at most 25 writes, each key once: within a batch a key's last operation replaces
 *       its earlier ones (DynamoDB refuses duplicates, and writes are whole states).
 *   <li>A key's writes land in list order: a batch that holds a key an earlier batch also holds
 *       starts only after that batch is settled. Batches without shared keys run in parallel, up to
 *       {@code maxConcurrentBatches} at once, on virtual threads.
 *   <li>UnprocessedItems, throttling, 5xx answers and connection errors are retried with
 *       exponential backoff and full jitter, within the {@link RetryPolicy}. Build the client
 *       without SDK retries (see {@code DynamoDbClients}) so the two do not multiply.
 *   <li>Validation errors are not retried: the guilty writes are found, reported one by one in
 *       {@link BatchWriteResult#rejected()} for dead-lettering, and the rest of the batch lands.
 *   <li>When retries run out or DynamoDB answers with an error no retry fixes (missing table,
 *       access denied), no new batch starts and {@link BatchWriteAbortedException} says which
 *       writes are not confirmed.
 * </ul>
 *
 * <p>Thread-safe and stateless between calls. Concurrent calls must not share keys: order is kept
 * within a call, and between calls only by the caller waiting for the first.
 */
public final class BatchWriter {
  /** DynamoDB's limit on writes in one BatchWriteItem request. */
  public static final int MAX_BATCH_SIZE = 25;

  private final BatchWriteRun.Settings settings;

  private BatchWriter(BatchWriteRun.Settings settings) {
    this.settings = settings;
  }

  public static Builder builder(DynamoDbClient client, String tableName, TableKeys keys) {
    return new Builder(client, tableName, keys);
  }

  /**
   * Writes the operations in order per key.
   *
   * @return counts, and the writes DynamoDB refused (by index in {@code operations})
   * @throws BatchWriteAbortedException when not every write could be settled
   */
  public BatchWriteResult write(List<? extends WriteOperation> operations) {
    return new BatchWriteRun(settings).write(operations);
  }

  public String tableName() {
    return settings.tableName();
  }

  /** Settings of a {@link BatchWriter}; defaults suit a Kafka sink on one table. */
  public static final class Builder {
    private final DynamoDbClient client;
    private final String tableName;
    private final TableKeys keys;
    private int batchSize = MAX_BATCH_SIZE;
    private int maxConcurrentBatches = 8;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private BatchWriteListener listener = BatchWriteListener.NONE;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private LongSupplier nanoClock = System::nanoTime;
    private Random random = new Random();

    private Builder(DynamoDbClient client, String tableName, TableKeys keys) {
      this.client = Objects.requireNonNull(client, "client");
      this.tableName = Objects.requireNonNull(tableName, "tableName");
      this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Writes per request, 1 to 25 (default 25). */
    public Builder batchSize(int size) {
      if (size < 1 || size > MAX_BATCH_SIZE) {
        throw new IllegalArgumentException(
            "batchSize must be 1.." + MAX_BATCH_SIZE + ", got " + size);
      }
      this.batchSize = size;
      return this;
    }

    /**
     * Batches in flight at once (default 8). The HTTP client needs at least this many connections.
     */
    public Builder maxConcurrentBatches(int batches) {
      if (batches < 1) {
        throw new IllegalArgumentException(
            "maxConcurrentBatches must be at least 1, got " + batches);
      }
      this.maxConcurrentBatches = batches;
      return this;
    }

    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    public Builder listener(BatchWriteListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** How to wait between retries (tests: a virtual clock). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Monotonic time in nanoseconds for latencies and {@code maxElapsed} (tests: virtual). */
    public Builder nanoClock(LongSupplier nanoClock) {
      this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
      return this;
    }

    /** Source of the backoff jitter; shared by threads, so a thread-safe {@link Random}. */
    public Builder random(Random random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public BatchWriter build() {
      return new BatchWriter(
          new BatchWriteRun.Settings(
              client,
              tableName,
              keys,
              batchSize,
              maxConcurrentBatches,
              retryPolicy,
              listener,
              sleeper,
              nanoClock,
              random));
    }
  }
}
