package io.shardstream.bench.query;

import io.shardstream.core.query.PartitionPage;
import io.shardstream.core.query.PartitionQuery;
import io.shardstream.core.query.PartitionReader;
import io.shardstream.core.query.StartKey;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes every read to the real reader unchanged and notes which ran on the thread that asked for
 * the page. {@code KWayMerger} reads every partition's first page on the fan-out executor, in
 * parallel, and every later read (a partition that ran dry while it could still hold the next item)
 * on the calling thread, one after another: those are the page's sequential round trips, which no
 * amount of server-side parallelism hides. Serves one page at a time.
 */
final class CriticalPathReader implements PartitionReader {
  private final PartitionReader delegate;
  private final AtomicInteger sequentialReads = new AtomicInteger();
  private final AtomicLong sequentialNanos = new AtomicLong();
  private volatile Thread caller;

  CriticalPathReader(PartitionReader delegate) {
    this.delegate = delegate;
  }

  /** Starts counting for a page the current thread is about to ask for. */
  void beginPage() {
    caller = Thread.currentThread();
    sequentialReads.set(0);
    sequentialNanos.set(0);
  }

  int sequentialReads() {
    return sequentialReads.get();
  }

  long sequentialNanos() {
    return sequentialNanos.get();
  }

  @Override
  public PartitionPage read(PartitionQuery query, Optional<StartKey> start, int limit) {
    if (Thread.currentThread() != caller) {
      return delegate.read(query, start, limit);
    }
    long begin = System.nanoTime();
    try {
      return delegate.read(query, start, limit);
    } finally {
      sequentialNanos.addAndGet(System.nanoTime() - begin);
      sequentialReads.incrementAndGet();
    }
  }
}
