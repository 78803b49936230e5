package io.shardstream.core.query;

/**
 * What serving one page cost.
 *
 * @param partitionsQueried partitions read at least once
 * @param readRequests DynamoDB Query calls
 * @param itemsRead items DynamoDB evaluated (ScannedCount), which is what read capacity pays for
 * @param roundTrips waves of reads one after another (the reads of a wave run in parallel): what
 *     the page's latency is made of when DynamoDB answers each request in about the same time
 * @param readUnits read capacity units consumed, as DynamoDB reports them (0 where the reader does
 *     not know)
 */
public record QueryStats(
    int partitionsQueried, int readRequests, int itemsRead, int roundTrips, double readUnits) {}
