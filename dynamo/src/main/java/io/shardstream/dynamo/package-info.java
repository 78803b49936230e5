/**
 * DynamoDB side of shardstream: items as attribute values ({@link
 * io.shardstream.dynamo.ItemMapper}), the table and its indexes from the entity configuration
 * ({@code table}), and batched, retried writes that keep each key's writes in order ({@code
 * write}).
 *
 * <p>Everything under {@code io.shardstream.dynamo.internal} is implementation detail and may
 * change without notice, as in the AWS SDK's enhanced client.
 */
package io.shardstream.dynamo;
