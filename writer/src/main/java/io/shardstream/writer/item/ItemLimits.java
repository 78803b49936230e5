package io.shardstream.writer.item;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.IndexDefinition;
import io.shardstream.dynamo.ItemSize;
import io.shardstream.writer.check.Rejection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB rules that refuse a whole BatchWriteItem request, checked per item before it is
 * buffered: an item over 400 KB, and an empty string in an attribute that is a key of the table or
 * of a global index. A write that fails these later could no longer be dead-lettered (the sink
 * writes at commit time, after the record's processing), so they are caught here.
 */
final class ItemLimits {
  private final Set<String> keyAttributes;

  ItemLimits(EntityConfig config) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(config.hashKey());
    keys.add(config.rangeKey());
    for (IndexDefinition index : config.indexes().values()) {
      keys.add(index.hashKey());
      keys.add(index.rangeKey());
    }
    this.keyAttributes = Set.copyOf(keys);
  }

  /** The first limit the item of {@code entity} breaks (the reason names the entity). */
  Optional<Rejection> check(String entity, Map<String, AttributeValue> item) {
    for (String name : keyAttributes) {
      AttributeValue value = item.get(name);
      if (value != null && value.s() != null && value.s().isEmpty()) {
        return Optional.of(
            Rejection.invalid(
                entity,
                name,
                "empty-index-key",
                "'"
                    + name
                    + "' is a key of the table or an index and DynamoDB refuses an empty string"
                    + " there"));
      }
    }
    long bytes = ItemSize.bytes(item);
    if (bytes > ItemSize.MAX_ITEM_BYTES) {
      return Optional.of(
          Rejection.invalid(
              entity,
              "item",
              "too-large",
              "the item is "
                  + bytes
                  + " bytes with its keys; DynamoDB allows "
                  + ItemSize.MAX_ITEM_BYTES));
    }
    return Optional.empty();
  }
}
