package io.shardstream.dynamo.write;

import io.shardstream.dynamo.ItemSize;
import io.shardstream.dynamo.TableKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Cuts an ordered list of operations into batches DynamoDB accepts and that keep each key's order.
 *
 * <p>Batches are consecutive runs of the list holding at most {@code batchSize} distinct keys.
 * Inside a run, a key's later operation replaces its earlier ones (DynamoDB refuses a batch that
 * names a key twice, and writes are whole states, so the last one is what the table must end with).
 * A key that appears again in a later run is written again there, and that batch depends on the
 * earlier one, so the two never race.
 *
 * <p>Operations DynamoDB would refuse for the whole batch (no key, an item over 400 KB) are refused
 * here, one by one, instead.
 */
final class BatchPlanner {
  private final TableKeys keys;
  private final int batchSize;

  public BatchPlanner(TableKeys keys, int batchSize) {
    this.keys = keys;
    this.batchSize = batchSize;
  }

  public WritePlan plan(List<? extends WriteOperation> operations) {
    List<RejectedWrite> rejected = new ArrayList<>();
    List<Map<Map<String, AttributeValue>, PlannedWrite>> runs = new ArrayList<>();
    Map<Map<String, AttributeValue>, PlannedWrite> run = new LinkedHashMap<>();
    int superseded = 0;
    for (int index = 0; index < operations.size(); index++) {
      WriteOperation operation = operations.get(index);
      Map<String, AttributeValue> key;
      try {
        key = checkedKey(operation);
      } catch (IllegalArgumentException e) {
        rejected.add(new RejectedWrite(index, operation, e.getMessage()));
        continue;
      }
      PlannedWrite earlier = run.get(key);
      if (earlier == null && run.size() == batchSize) {
        runs.add(run);
        run = new LinkedHashMap<>();
      }
      List<Integer> replaced = new ArrayList<>();
      if (earlier != null) {
        replaced.addAll(earlier.supersededIndexes());
        replaced.add(earlier.index());
        superseded++;
      }
      run.put(key, new PlannedWrite(index, operation, key, request(operation, key), replaced));
    }
    if (!run.isEmpty()) {
      runs.add(run);
    }
    return new WritePlan(batches(runs), rejected, superseded);
  }

  private static List<PlannedBatch> batches(
      List<Map<Map<String, AttributeValue>, PlannedWrite>> runs) {
    List<PlannedBatch> batches = new ArrayList<>(runs.size());
    Map<Map<String, AttributeValue>, Integer> lastBatchOfKey = new HashMap<>();
    for (int number = 0; number < runs.size(); number++) {
      TreeSet<Integer> dependsOn = new TreeSet<>();
      for (Map<String, AttributeValue> key : runs.get(number).keySet()) {
        Integer previous = lastBatchOfKey.put(key, number);
        if (previous != null) {
          dependsOn.add(previous);
        }
      }
      batches.add(
          new PlannedBatch(
              number, new ArrayList<>(runs.get(number).values()), new ArrayList<>(dependsOn)));
    }
    return batches;
  }

  /** The operation's key, or why DynamoDB would refuse the operation (as the exception). */
  private Map<String, AttributeValue> checkedKey(WriteOperation operation) {
    if (operation == null) {
      throw new IllegalArgumentException("null operation");
    }
    Map<String, AttributeValue> key = keys.keyOf(keyAttributes(operation));
    if (operation instanceof WriteOperation.Put put) {
      long bytes = ItemSize.bytes(put.item());
      if (bytes > ItemSize.MAX_ITEM_BYTES) {
        throw new IllegalArgumentException(
            "item is about "
                + bytes
                + " bytes; DynamoDB allows "
                + ItemSize.MAX_ITEM_BYTES
                + " (400 KB) per item");
      }
    }
    return key;
  }

  private static Map<String, AttributeValue> keyAttributes(WriteOperation operation) {
    return switch (operation) {
      case WriteOperation.Put put -> put.item();
      case WriteOperation.Delete delete -> delete.key();
    };
  }

  private static WriteRequest request(WriteOperation operation, Map<String, AttributeValue> key) {
    // A delete names only the key attributes: DynamoDB refuses a key map with anything else.
    return operation instanceof WriteOperation.Delete
        ? WriteOperation.delete(key).toWriteRequest()
        : operation.toWriteRequest();
  }
}
