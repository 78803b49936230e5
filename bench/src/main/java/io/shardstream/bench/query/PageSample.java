package io.shardstream.bench.query;

import io.shardstream.core.query.QueryStats;

/**
 * One page served during the benchmark.
 *
 * @param nanos wall time of {@code Searcher.search}: plan, cursor decode, reads and merge, cursor
 *     encode
 * @param firstPage whether the page was asked for without a cursor
 * @param items items the page returned
 * @param stats what the page cost in DynamoDB (partitions queried, Query calls, items read)
 */
public record PageSample(long nanos, boolean firstPage, int items, QueryStats stats) {}
