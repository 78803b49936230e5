package io.shardstream.dynamo.write;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * An in-memory DynamoDB table answering BatchWriteItem as DynamoDB does (whole-request
 * ValidationException for duplicate keys or a "poison" item), with failures injected per request,
 * and checks that no key is written by two requests at once.
 */
final class FakeDynamoDb implements DynamoDbClient {
  static final String TABLE = "fake";
  static final String HASH = "hashKey";
  static final String RANGE = "rangeKey";

  /** An item carrying this attribute is refused as DynamoDB refuses an invalid item. */
  static final String POISON = "poison";

  /** What to do with one request, decided before it touches the table. */
  sealed interface Fault {
    /** Write everything. */
    record None() implements Fault {}

    /** Throw instead of writing. */
    record Fail(RuntimeException error) implements Fault {}

    /** Write all but these positions of the request, returned as unprocessed. */
    record Unprocessed(Set<Integer> positions) implements Fault {}
  }

  @FunctionalInterface
  interface FaultInjector {
    Fault next(int requestNumber, List<WriteRequest> writes);
  }

  private final Map<Map<String, AttributeValue>, Map<String, AttributeValue>> table =
      new ConcurrentHashMap<>();

  /** Per key, what was applied, in order: the item, or null for a delete. */
  private final Map<Map<String, AttributeValue>, List<Map<String, AttributeValue>>> log =
      new ConcurrentHashMap<>();

  private final Set<Map<String, AttributeValue>> keysInFlight = ConcurrentHashMap.newKeySet();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<Integer> requestSizes = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile FaultInjector faults = (n, writes) -> new Fault.None();
  private volatile Duration latency = Duration.ZERO;

  FakeDynamoDb faults(FaultInjector injector) {
    this.faults = injector;
    return this;
  }

  /** Real time each request takes, so that concurrent requests overlap. */
  FakeDynamoDb latency(Duration latency) {
    this.latency = latency;
    return this;
  }

  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    int number = requests.getAndIncrement();
    List<WriteRequest> writes = request.requestItems().get(TABLE);
    if (request.requestItems().size() != 1 || writes == null) {
      throw ResourceNotFoundException.builder()
          .message("tables: " + request.requestItems().keySet())
          .build();
    }
    if (writes.isEmpty() || writes.size() > 25) {
      throw validation("batch of " + writes.size() + " writes");
    }
    requestSizes.add(writes.size());
    List<Map<String, AttributeValue>> keys = writes.stream().map(FakeDynamoDb::keyOf).toList();
    if (new HashSet<>(keys).size() != keys.size()) {
      violations.add("request " + number + " names a key twice: " + keys);
      throw validation("Provided list of item keys contains duplicates");
    }
    Fault fault = faults.next(number, writes);
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    List<Map<String, AttributeValue>> claimed = new ArrayList<>();
    try {
      for (Map<String, AttributeValue> key : keys) {
        if (keysInFlight.add(key)) {
          claimed.add(key);
        } else {
          violations.add("key " + key + " written by two requests at once");
        }
      }
      pause();
      if (fault instanceof Fault.Fail fail) {
        throw fail.error();
      }
      if (writes.stream()
          .anyMatch(w -> w.putRequest() != null && w.putRequest().item().containsKey(POISON))) {
        throw validation("One or more parameter values were invalid: poisoned item");
      }
      Set<Integer> skipped = fault instanceof Fault.Unprocessed u ? u.positions() : Set.of();
      List<WriteRequest> unprocessed = new ArrayList<>();
      for (int i = 0; i < writes.size(); i++) {
        if (skipped.contains(i)) {
          unprocessed.add(writes.get(i));
        } else {
          apply(keys.get(i), writes.get(i));
        }
      }
      return BatchWriteItemResponse.builder()
          .unprocessedItems(unprocessed.isEmpty() ? Map.of() : Map.of(TABLE, unprocessed))
          .build();
    } finally {
      claimed.forEach(keysInFlight::remove);
      inFlight.decrementAndGet();
    }
  }

  private void apply(Map<String, AttributeValue> key, WriteRequest write) {
    Map<String, AttributeValue> item =
        write.putRequest() == null ? null : write.putRequest().item();
    if (item == null) {
      table.remove(key);
    } else {
      table.put(key, item);
    }
    log.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(item);
  }

  private void pause() {
    if (latency.isZero()) {
      Thread.yield();
      return;
    }
    try {
      Thread.sleep(latency);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SdkClientException.create("interrupted", e);
    }
  }

  Map<Map<String, AttributeValue>, Map<String, AttributeValue>> table() {
    return Map.copyOf(table);
  }

  Optional<Map<String, AttributeValue>> item(String hash, String range) {
    return Optional.ofNullable(table.get(key(hash, range)));
  }

  /** What was applied to a key, in order (null = delete). */
  List<Map<String, AttributeValue>> log(String hash, String range) {
    return List.copyOf(new ArrayList<>(log.getOrDefault(key(hash, range), List.of())));
  }

  Map<Map<String, AttributeValue>, List<Map<String, AttributeValue>>> logs() {
    return new LinkedHashMap<>(log);
  }

  List<String> violations() {
    return List.copyOf(violations);
  }

  List<Integer> requestSizes() {
    return List.copyOf(requestSizes);
  }

  int requests() {
    return requests.get();
  }

  int maxConcurrentRequests() {
    return maxInFlight.get();
  }

  static Map<String, AttributeValue> key(String hash, String range) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    key.put(HASH, AttributeValue.fromS(hash));
    key.put(RANGE, AttributeValue.fromS(range));
    return key;
  }

  static Map<String, AttributeValue> keyOf(WriteRequest write) {
    Map<String, AttributeValue> source =
        write.putRequest() != null ? write.putRequest().item() : write.deleteRequest().key();
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    key.put(HASH, source.get(HASH));
    key.put(RANGE, source.get(RANGE));
    return key;
  }

  static DynamoDbException validation(String message) {
    return (DynamoDbException)
        DynamoDbException.builder()
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("ValidationException")
                    .errorMessage(message)
                    .build())
            .statusCode(400)
            .message(message)
            .build();
  }

  static RuntimeException throughputExceeded() {
    return ProvisionedThroughputExceededException.builder()
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode("ProvisionedThroughputExceededException")
                .errorMessage("The level of configured provisioned throughput was exceeded")
                .build())
        .statusCode(400)
        .build();
  }

  static RuntimeException throttling() {
    return DynamoDbException.builder()
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode("ThrottlingException")
                .errorMessage("Rate of requests exceeds the allowed throughput")
                .build())
        .statusCode(400)
        .build();
  }

  static RuntimeException requestLimitExceeded() {
    return RequestLimitExceededException.builder()
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode("RequestLimitExceeded")
                .errorMessage("Throughput exceeds the current throughput limit")
                .build())
        .statusCode(400)
        .build();
  }

  static RuntimeException serverError() {
    return DynamoDbException.builder()
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode("InternalServerError")
                .errorMessage("Internal server error")
                .build())
        .statusCode(500)
        .build();
  }

  static RuntimeException connectionReset() {
    return SdkClientException.create(
        "Unable to execute HTTP request: Connection reset", new IOException("Connection reset"));
  }

  static RuntimeException tableMissing() {
    return ResourceNotFoundException.builder()
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode("ResourceNotFoundException")
                .errorMessage("Requested resource not found")
                .build())
        .statusCode(400)
        .build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
