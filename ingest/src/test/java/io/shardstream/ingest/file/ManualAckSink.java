package io.shardstream.ingest.file;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A sink like Kafka's: records are acknowledged later, out of order, or fail. By default it fails
 * the records {@code failing} matches and acknowledges the others when flushed, newest first.
 */
final class ManualAckSink implements EventSink {
  private final Predicate<ChangeRecord> failing;
  private final List<ChangeRecord> received = new ArrayList<>();
  private final List<CompletableFuture<Void>> pending = new ArrayList<>();

  ManualAckSink(Predicate<ChangeRecord> failing) {
    this.failing = failing;
  }

  @Override
  public CompletableFuture<Void> send(ChangeRecord record) {
    received.add(record);
    CompletableFuture<Void> ack = new CompletableFuture<>();
    if (failing.test(record)) {
      ack.completeExceptionally(new IllegalStateException("broker said no"));
    } else {
      pending.add(ack);
    }
    return ack;
  }

  /** Acknowledges in reverse order: the watermark must not jump ahead of older records. */
  @Override
  public void flush() {
    for (int i = pending.size() - 1; i >= 0; i--) {
      pending.get(i).complete(null);
    }
    pending.clear();
  }

  List<ChangeRecord> received() {
    return received;
  }

  @Override
  public void close() {}
}
