package io.shardstream.writer.sink;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
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
      ThreadLocal.withInitial(() -> Collections.newSetFromMap(new IdentityHashMap<>()));

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
    for (TableSinkStore sink : toWrite) {
      sink.writeBuffer();
    }
  }
}
