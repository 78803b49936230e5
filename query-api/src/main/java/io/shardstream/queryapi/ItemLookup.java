package io.shardstream.queryapi;

import io.shardstream.core.keys.PrimaryKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an item stored under one of its candidate primary keys (one per shard bump, oldest first);
 * DynamoDB's is {@code io.shardstream.dynamo.query.DynamoItemLookup#find}.
 */
@FunctionalInterface
public interface ItemLookup {
  Optional<Map<String, Object>> find(List<PrimaryKey> candidates);
}
