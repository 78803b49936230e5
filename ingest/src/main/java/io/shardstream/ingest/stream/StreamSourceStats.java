package io.shardstream.ingest.stream;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the stream source did, across its shards: events produced (acknowledged by Kafka), records
 * rejected (by reason kind, the part of the reason after the record's description), checkpoints.
 */
public final class StreamSourceStats {
  private final LongAdder produced = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder checkpoints = new LongAdder();
  private final Map<String, LongAdder> rejectedByReason = new ConcurrentHashMap<>();

  void produced(int count) {
    produced.add(count);
  }

  void rejected(String reason) {
    rejected.increment();
    rejectedByReason.computeIfAbsent(reasonKind(reason), k -> new LongAdder()).increment();
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

  /** Rejected records per reason, the record's own description left out so that reasons group. */
  public Map<String, Long> rejectedByReason() {
    Map<String, Long> counts = new TreeMap<>();
    rejectedByReason.forEach((reason, count) -> counts.put(reason, count.sum()));
    return counts;
  }

  public String summary() {
    return "stream source: " + produced() + " events produced, " + rejected() + " records rejected"
        + (rejected() == 0 ? "" : " " + rejectedByReason()) + ", " + checkpoints() + " checkpoints";
  }

  private static String reasonKind(String reason) {
    int split = reason.indexOf(": ");
    return split < 0 ? reason : reason.substring(split + 2);
  }
}
