package io.shardstream.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Keeps every record in memory, in order, each delivered at once: the tests' sink. */
public final class InMemoryEventSink implements EventSink {
  private final List<ChangeRecord> records = new ArrayList<>();

  @Override
  public synchronized CompletableFuture<Void> send(ChangeRecord record) {
    records.add(record);
    return CompletableFuture.completedFuture(null);
  }

  /** A copy of the records received so far. */
  public synchronized List<ChangeRecord> records() {
    return List.copyOf(records);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
