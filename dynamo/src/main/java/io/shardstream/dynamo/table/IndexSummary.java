package io.shardstream.dynamo.table;

/**
 * One global index as DynamoDB reports it.
 *
 * @param itemCount DynamoDB's count, refreshed about every six hours
 */
public record IndexSummary(
    GlobalIndex index, String status, boolean backfilling, long itemCount, long sizeBytes) {}
