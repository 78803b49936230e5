package io.shardstream.dynamo.query;

import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.dynamo.ItemMapper;
import io.shardstream.dynamo.TableKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Finds an item by its unique id when its timestamp (so its shard) is unknown: the engine lists one
 * candidate primary key per shard bump, and this reads them all in one request (GetItem for a
 * single candidate, BatchGetItem for several). Eventually consistent, like the index queries the
 * rest of the API serves. Thread-safe.
 */
public final class DynamoItemLookup {
  /** BatchGetItem's own limit on keys per request. */
  public static final int MAX_CANDIDATES = 100;

  private static final int MAX_ATTEMPTS = 6;
  private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(20);

  private final DynamoDbClient client;
  private final String tableName;
  private final TableKeys keys;
  private final RequestLimit limit;

  public DynamoItemLookup(
      DynamoDbClient client, String tableName, TableKeys keys, RequestLimit limit) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.limit = Objects.requireNonNull(limit, "limit");
  }

  /**
   * The item stored under one of the candidate keys. Should several hold one (an id reused across a
   * shard bump), the newest bump's wins: candidates come oldest bump first, so the last found.
   *
   * @throws UnprocessedKeysException when DynamoDB keeps leaving keys unprocessed (throttling)
   */
  public Optional<Map<String, Object>> find(List<PrimaryKey> candidates) {
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    if (candidates.size() > MAX_CANDIDATES) {
      throw new IllegalArgumentException(
          "at most " + MAX_CANDIDATES + " candidate keys, got " + candidates.size());
    }
    if (candidates.size() == 1) {
      GetItemResponse response =
          limit.call(
              () -> client.getItem(b -> b.tableName(tableName).key(keys.keyOf(candidates.get(0)))));
      return response.hasItem() && !response.item().isEmpty()
          ? Optional.of(ItemMapper.fromAttributes(response.item()))
          : Optional.empty();
    }
    return newest(candidates, batchGet(candidates));
  }

  private List<Map<String, AttributeValue>> batchGet(List<PrimaryKey> candidates) {
    List<Map<String, AttributeValue>> found = new ArrayList<>();
    List<Map<String, AttributeValue>> pending =
        candidates.stream().map(keys::keyOf).distinct().toList();
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt == MAX_ATTEMPTS) {
        throw new UnprocessedKeysException(tableName, pending.size());
      }
      if (attempt > 0) {
        sleep(FIRST_RETRY_DELAY.multipliedBy(1L << (attempt - 1)));
      }
      KeysAndAttributes request = KeysAndAttributes.builder().keys(pending).build();
      BatchGetItemResponse response =
          limit.call(() -> client.batchGetItem(b -> b.requestItems(Map.of(tableName, request))));
      found.addAll(response.responses().getOrDefault(tableName, List.of()));
      KeysAndAttributes unprocessed = response.unprocessedKeys().get(tableName);
      pending = unprocessed == null ? List.of() : unprocessed.keys();
    }
    return found;
  }

  private Optional<Map<String, Object>> newest(
      List<PrimaryKey> candidates, List<Map<String, AttributeValue>> found) {
    Map<Map<String, AttributeValue>, Map<String, AttributeValue>> byKey = new HashMap<>();
    found.forEach(item -> byKey.put(keys.keyOf(item), item));
    for (int i = candidates.size() - 1; i >= 0; i--) {
      Map<String, AttributeValue> item = byKey.get(keys.keyOf(candidates.get(i)));
      if (item != null) {
        return Optional.of(ItemMapper.fromAttributes(item));
      }
    }
    return Optional.empty();
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RequestLimit.RequestInterruptedException();
    }
  }

  /** DynamoDB left keys unprocessed through every retry: it is throttling this table. */
  public static final class UnprocessedKeysException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnprocessedKeysException(String tableName, int keys) {
      super(
          "DynamoDB left "
              + keys
              + " key(s) of table '"
              + tableName
              + "' unprocessed after "
              + MAX_ATTEMPTS
              + " attempts (throttled)");
    }
  }
}
