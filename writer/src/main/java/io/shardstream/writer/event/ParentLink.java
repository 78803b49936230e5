package io.shardstream.writer.event;

import java.util.OptionalLong;

/** The parent an instance references: its entity, id and, for a co-located child, timestamp. */
public record ParentLink(String entity, String id, OptionalLong parentTimestamp) {}
