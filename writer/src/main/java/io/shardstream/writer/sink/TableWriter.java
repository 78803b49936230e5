package io.shardstream.writer.sink;

import io.shardstream.dynamo.write.BatchWriteAbortedException;
import io.shardstream.dynamo.write.BatchWriteResult;
import io.shardstream.dynamo.write.WriteOperation;
import java.util.List;

/**
 * Where the sink's buffered operations go: DynamoDB through the {@link
 * io.shardstream.dynamo.write.BatchWriter} in production, an in-memory table in tests.
 */
@FunctionalInterface
public interface TableWriter {

  /**
   * Writes the operations, each key's in list order, and returns only when every one is durable or
   * rejected for good.
   *
   * @throws BatchWriteAbortedException (or any runtime exception) when not every write is settled
   */
  BatchWriteResult write(List<WriteOperation> operations);
}
