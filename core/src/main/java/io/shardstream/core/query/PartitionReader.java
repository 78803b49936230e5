package io.shardstream.core.query;

import java.util.Optional;

/**
 * Reads one page of one index partition: what a DynamoDB Query call does. The dynamo module
 * implements it; the tests' in-memory fake is {@code InMemoryPartitionReader} (core's test-jar).
 *
 * <p>A DynamoDB implementation issues {@code Query(IndexName = query.indexToken(),
 * KeyConditionExpression = "#h = :h AND <query.condition()>", ScanIndexForward =
 * query.scanForward(), Limit = limit, ExclusiveStartKey = start)} and returns the items (GSIs
 * project all attributes), LastEvaluatedKey (absent when the partition is exhausted) and
 * ScannedCount. It may push {@code query.filters()} down as a FilterExpression; the merger applies
 * them again either way. Implementations must be safe to call from several threads at once.
 *
 * <p>Items whose range keys tie may come in any order (DynamoDB documents none, and does not use
 * the table key), as long as it is the same on every read, so that a start key inside a run of ties
 * resumes it without loss or repetition.
 */
@FunctionalInterface
public interface PartitionReader {

  /**
   * @param start resume strictly after this key in the partition's scan order (DynamoDB's
   *     ExclusiveStartKey): a LastEvaluatedKey, or one the merger builds for a cursor, which need
   *     not be an existing item's but always has a range key value the condition selects; empty:
   *     from the partition's first item in scan order
   * @param limit DynamoDB's Limit: at most this many items evaluated (at least 1)
   */
  PartitionPage read(PartitionQuery query, Optional<StartKey> start, int limit);

  /**
   * The fewest items worth asking for in one read: as many as cost no more than one. DynamoDB bills
   * a Query by the size it reads rounded up to 4 KB, so for items of about 1 KB, 4 cost what 1
   * costs, and reading them at once saves the merger round trips to partitions that keep winning.
   */
  default int minimumFetch() {
    return 1;
  }
}
