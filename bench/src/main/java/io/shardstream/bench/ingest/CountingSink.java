package io.shardstream.bench.ingest;

import io.shardstream.bench.report.chart.RateSampler;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.EventSink;
import java.util.concurrent.CompletableFuture;

/**
 * A sink that counts each record the sink under it acknowledges, for the import's
 * throughput-over-time chart; closing it closes nothing (the caller owns the sink under it).
 */
final class CountingSink implements EventSink {
  private final EventSink sink;
  private final RateSampler acknowledged;

  CountingSink(EventSink sink, RateSampler acknowledged) {
    this.sink = sink;
    this.acknowledged = acknowledged;
  }

  @Override
  public boolean accepts(ChangeRecord record) {
    return sink.accepts(record);
  }

  @Override
  public CompletableFuture<Void> send(ChangeRecord record) {
    return counted(sink.send(record));
  }

  @Override
  public CompletableFuture<Void> send(ChangeRecord record, String note) {
    return counted(sink.send(record, note));
  }

  private CompletableFuture<Void> counted(CompletableFuture<Void> sent) {
    sent.thenRun(() -> acknowledged.add(1));
    return sent;
  }

  @Override
  public void flush() {
    sink.flush();
  }

  @Override
  public void close() {}
}
