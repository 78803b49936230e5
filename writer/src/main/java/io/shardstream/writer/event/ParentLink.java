package io.shardstream.writer.event;

import java.util.OptionalLong;

/**
 * The parent a child instance names (an email's user, an address's person).
 *
 * @param entity the parent entity's token
 * @param id the parent's unique id (the child's reference property)
 * @param parentTimestamp the parent's timestamp as the child carries it ({@code
 *     parentTimestampProperty}), which with {@code id} gives a co-located child's partition; empty
 *     when the relation declares none
 */
public record ParentLink(String entity, String id, OptionalLong parentTimestamp) {}
