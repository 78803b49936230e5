package io.shardstream.queryapi.changes;

import io.shardstream.schemas.changes.AppliedChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The recent changes one server keeps, shared by all its streams: a ring of at most {@code
 * capacity} entries in arrival order, each numbered by a sequence number. One reader (the feed's
 * consumer) appends; each stream reads through its own {@link Cursor} at its own pace. So a stream
 * holds no buffer of its own, memory stays bounded whatever the number or speed of the clients, and
 * the bound per client is the capacity: a stream whose next entry was evicted has fallen more than
 * {@code capacity} changes behind, is told so ({@link Read.FellBehind}) and ends.
 *
 * <p>For resuming, the buffer knows from which offset on each partition it holds every record
 * ({@code from}): a position at or after it resumes exactly; an older one cannot.
 */
public final class ChangeBuffer {

  /** One change, where it is in the topic. */
  public record Entry(int partition, long offset, AppliedChange change) {}

  /** A change for one stream, with the stream's position after it (the event's id). */
  public record Delivery(AppliedChange change, ChangePosition after) {}

  /** What a stream gets when it reads. */
  public sealed interface Read {
    /** Changes new to the stream (none when the wait ran out). */
    record Changes(List<Delivery> deliveries) implements Read {}

    /** The stream's next entries are gone: it fell more than {@code capacity} changes behind. */
    record FellBehind() implements Read {}

    /** The feed is closing (the server stops). */
    record Closed() implements Read {}
  }

  /**
   * Where one stream is: the next sequence number to read, and its position in the topic (what its
   * events' ids say). Used by one stream thread at a time.
   */
  public static final class Cursor {
    private long seq;
    private ChangePosition position;

    private Cursor(long seq, ChangePosition position) {
      this.seq = seq;
      this.position = position;
    }

    public ChangePosition position() {
      return position;
    }
  }

  private final int capacity;
  private final Entry[] ring;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private long nextSeq;
  private long[] from = new long[0];
  private long[] next = new long[0];
  private long[] liveStart = new long[0];
  private boolean started;
  private boolean closed;

  public ChangeBuffer(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
    this.ring = new Entry[capacity];
  }

  public int capacity() {
    return capacity;
  }

  /**
   * Where the consumer starts: it reads every record from {@code start} (so the buffer holds them
   * all), and {@code end} was the end of each partition then (streams that started before this,
   * without a position, begin there).
   */
  public void start(long[] start, long[] end) {
    lock.lock();
    try {
      from = start.clone();
      next = start.clone();
      liveStart = end.clone();
      started = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the consumer has started ({@link #start}), at most {@code wait}: before that no
   * position can be checked against what the buffer will hold.
   */
  public boolean awaitStarted(Duration wait) throws InterruptedException {
    lock.lock();
    try {
      long deadline = System.nanoTime() + wait.toNanos();
      while (!started && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.awaitNanos(left);
      }
      return started;
    } finally {
      lock.unlock();
    }
  }

  /** The offset to read next on each partition (where a new consumer continues after a failure). */
  public long[] next() {
    lock.lock();
    try {
      return next.clone();
    } finally {
      lock.unlock();
    }
  }

  /** Appends the records one poll returned, in their order. */
  public void append(List<Entry> polled) {
    if (polled.isEmpty()) {
      return;
    }
    lock.lock();
    try {
      for (Entry entry : polled) {
        int slot = (int) (nextSeq % capacity);
        Entry evicted = ring[slot];
        if (evicted != null) {
          grow(evicted.partition());
          from[evicted.partition()] = Math.max(from[evicted.partition()], evicted.offset() + 1);
        }
        ring[slot] = entry;
        grow(entry.partition());
        next[entry.partition()] = Math.max(next[entry.partition()], entry.offset() + 1);
        nextSeq++;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void grow(int partition) {
    if (partition >= next.length) {
      from = Arrays.copyOf(from, partition + 1);
      next = Arrays.copyOf(next, partition + 1);
    }
  }

  /** A stream that starts now, without a position: it sees what arrives from now on. */
  public Cursor live() {
    lock.lock();
    try {
      return new Cursor(nextSeq, ChangePosition.of(next));
    } finally {
      lock.unlock();
    }
  }

  /**
   * A stream resuming after {@code position}; empty when changes after it are no longer here (it is
   * older than what the buffer holds).
   */
  public Optional<Cursor> resume(ChangePosition position) {
    lock.lock();
    try {
      for (int p = 0; p < from.length; p++) {
        if (position.next(p, startOf(p)) < from[p]) {
          return Optional.empty();
        }
      }
      long seq = nextSeq;
      for (long s = oldest(); s < nextSeq; s++) {
        Entry entry = ring[(int) (s % capacity)];
        if (entry.offset() >= position.next(entry.partition(), startOf(entry.partition()))) {
          seq = s;
          break;
        }
      }
      return Optional.of(new Cursor(seq, position));
    } finally {
      lock.unlock();
    }
  }

  /**
   * The changes after {@code cursor}'s position, up to {@code max}, waiting up to {@code wait} for
   * one; the cursor moves past what it returns (and past entries it had seen already).
   */
  public Read read(Cursor cursor, int max, Duration wait) throws InterruptedException {
    lock.lock();
    try {
      long deadline = System.nanoTime() + wait.toNanos();
      while (!closed && cursor.seq >= nextSeq) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return new Read.Changes(List.of());
        }
        changed.awaitNanos(left);
      }
      if (closed) {
        return new Read.Closed();
      }
      if (cursor.seq < oldest()) {
        return new Read.FellBehind();
      }
      List<Delivery> deliveries = new ArrayList<>();
      while (cursor.seq < nextSeq && deliveries.size() < max) {
        Entry entry = ring[(int) (cursor.seq % capacity)];
        cursor.seq++;
        if (entry.offset() >= cursor.position.next(entry.partition(), startOf(entry.partition()))) {
          cursor.position = cursor.position.after(entry.partition(), entry.offset());
          deliveries.add(new Delivery(entry.change(), cursor.position));
        }
      }
      return new Read.Changes(deliveries);
    } finally {
      lock.unlock();
    }
  }

  /** Where a partition a position does not name begins for it: the end when the feed started. */
  private long startOf(int partition) {
    return partition < liveStart.length ? liveStart[partition] : 0;
  }

  private long oldest() {
    return Math.max(0, nextSeq - capacity);
  }

  /** Wakes every waiting stream with {@link Read.Closed}. */
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Entries held now. */
  public int size() {
    lock.lock();
    try {
      return (int) Math.min(capacity, nextSeq);
    } finally {
      lock.unlock();
    }
  }
}
