package io.shardstream.core.query;

/**
 * What serving one page cost.
 *
 * @param partitionsQueried partitions read at least once
 * @param readRequests DynamoDB Query calls
 * @param itemsRead items DynamoDB evaluated (ScannedCount), which is what read capacity pays for
 */
public record QueryStats(int partitionsQueried, int readRequests, int itemsRead) {}
