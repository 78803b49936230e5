package io.shardstream.writer.sink;

import io.shardstream.dynamo.write.BatchWriteResult;
import io.shardstream.dynamo.write.RejectedWrite;
import io.shardstream.dynamo.write.WriteOperation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The buffers of several sinks on one table, written in one {@link TableWriter#write} call.
 *
 * <p>Why one call: a stream thread's commit used to write its tasks' buffers one after another,
 * each a few partly filled BatchWriteItem requests, so most of the writer's in-flight slots stayed
 * idle while the thread waited. Concatenated in enlistment order, the buffers fill whole batches
 * and every slot; the list order is the order the sequential writes had, and the writer keeps each
 * key's writes in list order, so the table ends up the same.
 */
final class SinkWrite {
  private SinkWrite() {}

  /**
   * Writes every sink's buffer (the sinks all write to {@code table}) and runs what waited for it.
   *
   * @throws TableWriteFailedException if the writes are not all durable: no sink may commit
   */
  static void writeTogether(TableWriter table, List<TableSinkStore> sinks) {
    List<TableSinkStore> open = sinks.stream().filter(TableSinkStore::isOpen).toList();
    List<WriteOperation> operations = new ArrayList<>();
    int[] firstIndex = new int[open.size()];
    for (int i = 0; i < open.size(); i++) {
      firstIndex[i] = operations.size();
      operations.addAll(open.get(i).pendingWrites());
    }
    if (operations.isEmpty()) {
      open.forEach(sink -> sink.written(List.of(), Duration.ZERO));
      return;
    }
    long start = System.nanoTime();
    BatchWriteResult result;
    try {
      result = table.write(List.copyOf(operations));
    } catch (RuntimeException e) {
      open.forEach(sink -> sink.failed(e));
      open.get(0).pauseAfterFailure();
      throw new TableWriteFailedException(
          describe(open)
              + ": "
              + operations.size()
              + " table writes are not durable; the tasks will not commit and re-process their"
              + " records",
          e);
    }
    Duration latency = Duration.ofNanos(System.nanoTime() - start);
    for (int i = 0; i < open.size(); i++) {
      int from = firstIndex[i];
      int to = i + 1 < open.size() ? firstIndex[i + 1] : operations.size();
      open.get(i).written(rejectedBetween(result, from, to), latency);
    }
  }

  /** The rejected writes with an index in {@code [from, to)}, re-indexed from {@code from}. */
  private static List<RejectedWrite> rejectedBetween(BatchWriteResult result, int from, int to) {
    return result.rejected().stream()
        .filter(r -> r.index() >= from && r.index() < to)
        .map(r -> new RejectedWrite(r.index() - from, r.operation(), r.reason()))
        .toList();
  }

  private static String describe(List<TableSinkStore> sinks) {
    return sinks.size() == 1 ? sinks.get(0).describe() : sinks.size() + " sinks";
  }
}
