package io.shardstream.dynamo.write;

import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.dynamo.ItemMapper;
import io.shardstream.dynamo.TableKeys;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One write to the table: a full item (replacing whatever the key held) or a delete by key. Writes
 * carry whole states, never partial updates, so writing the last state for a key is always enough
 * to bring the table up to date, and writing it again is harmless.
 */
public sealed interface WriteOperation permits WriteOperation.Put, WriteOperation.Delete {

  /** Writes {@code item}, which must hold the table's key attributes. */
  static Put put(Map<String, AttributeValue> item) {
    return new Put(item);
  }

  /** Writes an item given as plain values (see {@link ItemMapper}). */
  static Put putItem(Map<String, ?> item) {
    return new Put(ItemMapper.toAttributes(item));
  }

  /** Deletes the item with this key (key attributes only; others are ignored). */
  static Delete delete(Map<String, AttributeValue> key) {
    return new Delete(key);
  }

  /** Deletes the item with the primary key the engine computed. */
  static Delete delete(TableKeys keys, PrimaryKey key) {
    return new Delete(keys.keyOf(key));
  }

  /** The BatchWriteItem form of this operation. */
  WriteRequest toWriteRequest();

  /** Put a full item. */
  record Put(Map<String, AttributeValue> item) implements WriteOperation {
    public Put {
      item = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(item, "item")));
    }

    @Override
    public WriteRequest toWriteRequest() {
      return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }
  }

  /** Delete by primary key. */
  record Delete(Map<String, AttributeValue> key) implements WriteOperation {
    public Delete {
      key = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(key, "key")));
    }

    @Override
    public WriteRequest toWriteRequest() {
      return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
    }
  }
}
