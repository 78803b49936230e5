/**
 * DynamoDB side of shardstream: items as attribute values ({@link
 * io.shardstream.dynamo.ItemMapper}), the table and its indexes from the entity configuration
 * ({@code table}), and batched, retried writes that keep each key's writes in order ({@code
 * write}).
 *
 * <p>Implementation classes are package-private in the package they serve, so that no package
 * depends on one that depends on it; {@code io.shardstream.dynamo.internal.table} holds the two
 * SDK-only helpers that {@code table} and {@code control} share, and may change without notice.
 */
package io.shardstream.dynamo;
