/**
 * DynamoDB reads for searches and lookups: {@link
 * io.shardstream.dynamo.query.DynamoPartitionReader} serves core's k-way merge one index partition
 * page at a time, and {@link io.shardstream.dynamo.query.DynamoItemLookup} finds an item by its
 * candidate primary keys. Both share a {@link io.shardstream.dynamo.query.RequestLimit} that caps
 * the DynamoDB requests a process has in flight.
 */
package io.shardstream.dynamo.query;
