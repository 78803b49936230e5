package io.shardstream.writer.sink;

import io.shardstream.dynamo.write.BatchWriteResult;
import io.shardstream.dynamo.write.BatchWriter;
import io.shardstream.dynamo.write.WriteOperation;
import java.util.List;

/** The production {@link TableWriter}: the dynamo module's batched, retried, key-ordered writer. */
public final class BatchTableWriter implements TableWriter {
  private final BatchWriter writer;

  public BatchTableWriter(BatchWriter writer) {
    this.writer = writer;
  }

  @Override
  public BatchWriteResult write(List<WriteOperation> operations) {
    return writer.write(operations);
  }
}
