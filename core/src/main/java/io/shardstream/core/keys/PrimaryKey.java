package io.shardstream.core.keys;

/** The table key of one item. */
public record PrimaryKey(String hashKey, String rangeKey) {}
