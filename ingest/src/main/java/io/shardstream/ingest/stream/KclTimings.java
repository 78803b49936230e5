package io.shardstream.ingest.stream;

import java.time.Duration;
import java.util.Objects;

/**
 * The KCL intervals that decide how fast the source starts, takes over shards and sees new records.
 *
 * @param idleBetweenReads pause between GetRecords calls on a shard (doubled by the adapter after
 *     an empty read); DynamoDB Streams allows about 5 reads per second per shard
 * @param failover how long a lease may go unrenewed before another worker takes it; KCL 3 also
 *     assigns leases on a period derived from it (2 × failover), so it bounds how soon a new worker
 *     gets its first shard
 * @param leaseAssignment how often KCL 3's leader assigns unowned leases to workers (KCL's default:
 *     2 × failover); a new worker waits for one such run before it reads anything
 * @param parentShardPoll how often a child shard checks whether its parent is finished
 * @param dispatchPoll how often the scheduler's loop looks for shards to start or stop consumers on
 */
public record KclTimings(
    Duration idleBetweenReads,
    Duration failover,
    Duration leaseAssignment,
    Duration parentShardPoll,
    Duration dispatchPoll) {

  public KclTimings {
    Objects.requireNonNull(idleBetweenReads, "idleBetweenReads");
    Objects.requireNonNull(failover, "failover");
    Objects.requireNonNull(leaseAssignment, "leaseAssignment");
    Objects.requireNonNull(parentShardPoll, "parentShardPoll");
    Objects.requireNonNull(dispatchPoll, "dispatchPoll");
  }

  /**
   * KCL's and the adapter's own values: 1 s reads, 10 s failover, 20 s lease assignment, 10 s
   * parent polls, 1 s loop.
   */
  public static KclTimings standard() {
    return new KclTimings(
        Duration.ofSeconds(1),
        Duration.ofSeconds(10),
        Duration.ofSeconds(20),
        Duration.ofSeconds(10),
        Duration.ofSeconds(1));
  }

  /**
   * For tests, benchmarks and DynamoDB Local: reads every 200 ms, 3 s failover, lease assignment
   * every second, 1 s parent polls, 200 ms loop. Costs more lease-table and GetRecords calls.
   */
  public static KclTimings responsive() {
    return new KclTimings(
        Duration.ofMillis(200),
        Duration.ofSeconds(3),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        Duration.ofMillis(200));
  }
}
