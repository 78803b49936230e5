package io.shardstream.bench.query;

import java.util.List;

/**
 * How a {@code bench query} run was set up, in words and numbers, for the report.
 *
 * @param data how the users spread over the shard bumps
 * @param table the table and where it ran
 * @param fill what filling the table took
 * @param shards hash keys the fan-out search reads per index
 * @param fanOutIndexes indexes the fan-out search reads
 * @param fanOutSearch what the fan-out side searches
 * @param singleSearch what the single side searches
 * @param client HTTP client and pool, request limit, fan-out executor
 * @param checks one line per exactness check that passed
 * @param machine cores, JVM, OS, load
 */
public record QuerySetup(
    int users,
    long seed,
    String data,
    String table,
    FillResult fill,
    int shards,
    int fanOutIndexes,
    String fanOutSearch,
    String singleSearch,
    int limit,
    int warmupPages,
    int pages,
    int depth,
    int parallelism,
    String client,
    List<String> checks,
    String machine) {

  public QuerySetup {
    checks = List.copyOf(checks);
  }

  public int fanOutPartitions() {
    return shards * fanOutIndexes;
  }
}
