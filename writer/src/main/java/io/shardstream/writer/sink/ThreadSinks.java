package io.shardstream.writer.sink;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sinks each stream thread has buffered writes in, so that the thread's transaction commit can
 * write them first ({@link SinkFlushingProducer}). A stream thread processes its tasks' records and
 * commits their transaction itself, so the sinks to write before a commit are exactly those the
 * committing thread buffered into since its last commit. One instance per Kafka Streams client,
 * shared by the {@link TableSinkStoreBuilder}s and the {@link DurableCommitClientSupplier}.
 */
public final class ThreadSinks {
  private final ThreadLocal<Set<TableSinkStore>> pending =
      ThreadLocal.withInitial(LinkedHashSet::new); // sinks use identity equality

  /** Notes that {@code sink} holds work of the calling (stream) thread. */
  void enlist(TableSinkStore sink) {
    pending.get().add(sink);
  }

  /**
   * Makes every write the calling thread buffered durable.
   *
   * @throws TableWriteFailedException if one could not be written: the commit must not happen
   */
  public void writeAll() {
    Set<TableSinkStore> sinks = pending.get();
    List<TableSinkStore> toWrite = List.copyOf(sinks);
    sinks.clear();
    // One write per table for all of the thread's sinks (see SinkWrite), in enlistment order.
    Map<TableWriter, List<TableSinkStore>> byTable = new IdentityHashMap<>();
    List<TableWriter> tables = new ArrayList<>();
    for (TableSinkStore sink : toWrite) {
      byTable
          .computeIfAbsent(
              sink.table(),
              table -> {
                tables.add(table);
                return new ArrayList<>();
              })
          .add(sink);
    }
    for (TableWriter table : tables) {
      SinkWrite.writeTogether(table, byTable.get(table));
    }
  }
}
