package io.shardstream.writer.testing;

import io.shardstream.dynamo.ItemMapper;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.write.BatchWriteAbortedException;
import io.shardstream.dynamo.write.BatchWriteResult;
import io.shardstream.dynamo.write.RejectedWrite;
import io.shardstream.dynamo.write.WriteOperation;
import io.shardstream.writer.sink.TableWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table in memory that applies each write list in order, as the BatchWriter guarantees per key.
 * Can fail the next writes (as an outage would) or reject chosen writes (as a ValidationException
 * would).
 */
public final class InMemoryTable implements TableWriter {
  private final TableKeys keys;
  private final Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
  private final List<Integer> writeSizes = new ArrayList<>();
  private int failuresToInject;
  private Predicate<WriteOperation> rejects = op -> false;

  public InMemoryTable(TableKeys keys) {
    this.keys = keys;
  }

  @Override
  public synchronized BatchWriteResult write(List<WriteOperation> operations) {
    if (failuresToInject > 0) {
      failuresToInject--;
      BatchWriteResult nothing =
          new BatchWriteResult(operations.size(), 0, 0, List.of(), 0, 1, 0, Duration.ZERO);
      throw new BatchWriteAbortedException(
          "injected outage", null, nothing, IntStream.range(0, operations.size()).boxed().toList());
    }
    writeSizes.add(operations.size());
    List<RejectedWrite> rejected = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      WriteOperation operation = operations.get(i);
      if (rejects.test(operation)) {
        rejected.add(new RejectedWrite(i, operation, "injected validation error"));
        continue;
      }
      switch (operation) {
        case WriteOperation.Put put -> items.put(id(put.item()), put.item());
        case WriteOperation.Delete delete -> items.remove(id(delete.key()));
      }
    }
    return new BatchWriteResult(
        operations.size(),
        operations.size() - rejected.size(),
        0,
        rejected,
        1,
        1,
        0,
        Duration.ZERO);
  }

  public synchronized void failNextWrites(int count) {
    failuresToInject = count;
  }

  public synchronized void reject(Predicate<WriteOperation> predicate) {
    rejects = predicate;
  }

  /** Every item as plain values, by "hashKey|rangeKey". */
  public synchronized Map<String, Map<String, Object>> items() {
    Map<String, Map<String, Object>> plain = new TreeMap<>();
    items.forEach((id, item) -> plain.put(id, ItemMapper.fromAttributes(item)));
    return plain;
  }

  /** Every item as written, with its DynamoDB attribute types, by "hashKey|rangeKey". */
  public synchronized Map<String, Map<String, AttributeValue>> attributeItems() {
    return new TreeMap<>(items);
  }

  /** The item with this unique property value, or null. */
  public synchronized Map<String, Object> find(String property, Object value) {
    return items().values().stream()
        .filter(item -> value.equals(item.get(property)))
        .findFirst()
        .orElse(null);
  }

  public synchronized List<Integer> writeSizes() {
    return List.copyOf(writeSizes);
  }

  private String id(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = keys.keyOf(item);
    return key.get(keys.hashKey()).s() + "|" + key.get(keys.rangeKey()).s();
  }
}
