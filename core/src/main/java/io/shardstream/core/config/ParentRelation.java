package io.shardstream.core.config;

import java.util.Optional;

/**
 * An entity's parent: every instance references one instance of {@code entity} through {@code
 * property} (e.g. an address's {@code personId}).
 *
 * @param cascadeDelete deleting the parent deletes its children
 * @param colocated the child's items live in the parent's partition (the parent's hash key), so the
 *     parent with all its children is one DynamoDB Query
 * @param parentTimestampProperty for a co-located child: the child's attribute that carries the
 *     parent's timestamp property (e.g. {@code personCreatedAt}), from which, with the reference,
 *     the parent's shard and so the child's partition is computed from the child's event alone
 */
public record ParentRelation(
    String entity,
    String property,
    boolean cascadeDelete,
    boolean colocated,
    Optional<String> parentTimestampProperty) {}
