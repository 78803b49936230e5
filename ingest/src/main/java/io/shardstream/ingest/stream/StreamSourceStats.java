package io.shardstream.ingest.stream;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the stream source did, across its shards: events produced (acknowledged by Kafka), records
 * rejected (sent to the dead-letter sink), by {@link RejectionCode}, and checkpoints.
 */
public final class StreamSourceStats {
  private final LongAdder produced = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder checkpoints = new LongAdder();
  private final Map<String, LongAdder> rejectedByReason = new ConcurrentHashMap<>();

  void produced(int count) {
    produced.add(count);
  }

  void rejected(RejectionCode code) {
    rejected.increment();
    rejectedByReason.computeIfAbsent(code.code(), k -> new LongAdder()).increment();
  }

  void checkpointed() {
    checkpoints.increment();
  }

  public long produced() {
    return produced.sum();
  }

  public long rejected() {
    return rejected.sum();
  }

  public long checkpoints() {
    return checkpoints.sum();
  }

  /** Rejected records per reason code ({@code stream:missing-version} ...). */
  public Map<String, Long> rejectedByReason() {
    Map<String, Long> counts = new TreeMap<>();
    rejectedByReason.forEach((reason, count) -> counts.put(reason, count.sum()));
    return counts;
  }

  public String summary() {
    return "stream source: "
        + produced()
        + " events produced, "
        + rejected()
        + " records rejected"
        + (rejected() == 0 ? "" : " (dead-lettered) " + rejectedByReason())
        + ", "
        + checkpoints()
        + " checkpoints";
  }
}
