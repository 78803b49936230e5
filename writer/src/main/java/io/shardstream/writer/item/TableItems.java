package io.shardstream.writer.item;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.keys.KeyException;
import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.dynamo.ItemMapper;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.write.WriteOperation;
import io.shardstream.writer.check.Checked;
import io.shardstream.writer.check.Rejection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The writer's view of the entity engine: table items and keys of users and emails, with the
 * engine's {@link KeyException}s and DynamoDB's item limits turned into {@link Rejection}s.
 * Canonical properties ({@code firstNameCanonical} ...) are derived by {@link
 * EntityManager#addKeys} from the configuration's {@code canonicalize} map.
 */
public final class TableItems {
  public static final String USER = "user";
  public static final String EMAIL = "email";

  private final EntityManager entities;
  private final TableKeys tableKeys;
  private final ItemLimits limits;

  public TableItems(EntityManager entities) {
    EntityConfig config = entities.config();
    requireEntity(config, USER, "userId", "created");
    requireEntity(config, EMAIL, "email", "created");
    this.entities = entities;
    this.tableKeys = TableKeys.of(config);
    this.limits = new ItemLimits(config);
  }

  public EntityConfig config() {
    return entities.config();
  }

  /** The item with its derived properties and every generated key, or why it cannot be written. */
  public Checked<KeyedItem> keyed(String entity, Map<String, ?> item) {
    Checked<Map<String, Object>> withKeys = keys(() -> entities.addKeys(entity, item));
    return withKeys.then(
        keyedItem -> {
          Map<String, AttributeValue> attributes = ItemMapper.toAttributes(keyedItem);
          Optional<Rejection> broken = limits.check(attributes);
          if (broken.isPresent()) {
            return Checked.rejected(broken.get());
          }
          PrimaryKey key =
              new PrimaryKey(
                  attributes.get(tableKeys.hashKey()).s(),
                  attributes.get(tableKeys.rangeKey()).s());
          return Checked.ok(new KeyedItem(key, attributes));
        });
  }

  /** The table key of an entity instance from its unique id and timestamp. */
  public Checked<PrimaryKey> primaryKey(String entity, String uniqueId, long timestamp) {
    EntityDefinition definition = entities.config().entity(entity).orElseThrow();
    Map<String, Object> keyFields = new LinkedHashMap<>();
    keyFields.put(definition.uniqueProperty(), uniqueId);
    keyFields.put(definition.timestampProperty(), timestamp);
    return keys(() -> entities.primaryKey(entity, keyFields));
  }

  /** Every key an instance with this unique id can have when its timestamp is unknown. */
  public Checked<List<PrimaryKey>> candidateKeys(String entity, String uniqueId) {
    return keys(() -> entities.candidatePrimaryKeys(entity, uniqueId));
  }

  public WriteOperation put(KeyedItem item) {
    return WriteOperation.put(item.attributes());
  }

  public WriteOperation delete(PrimaryKey key) {
    return WriteOperation.delete(tableKeys, key);
  }

  /** The value of a step known to pass (it passed before, on the same values). */
  public static <T> T knownValid(Checked<T> checked) {
    return switch (checked) {
      case Checked.Ok<T> ok -> ok.value();
      case Checked.Rejected<T> rejected ->
          throw new IllegalStateException(
              "a key that was valid before is not any more: " + rejected.rejection());
    };
  }

  private static <T> Checked<T> keys(Supplier<T> computation) {
    try {
      return Checked.ok(computation.get());
    } catch (KeyException e) {
      String field = e.property() == null ? "item" : e.property();
      return Checked.rejected(Rejection.invalid(field, e.rule().code(), e.getMessage()));
    }
  }

  private static void requireEntity(
      EntityConfig config, String token, String uniqueProperty, String timestampProperty) {
    EntityDefinition entity =
        config
            .entity(token)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the writer needs entity '" + token + "' in the entity configuration"));
    if (!entity.uniqueProperty().equals(uniqueProperty)) {
      throw new IllegalArgumentException(
          "entity '"
              + token
              + "' must have uniqueProperty '"
              + uniqueProperty
              + "' for the writer, not '"
              + entity.uniqueProperty()
              + "'");
    }
    if (entity.isSharded() && !timestampProperty.equals(entity.timestampProperty())) {
      throw new IllegalArgumentException(
          "entity '"
              + token
              + "' must have timestampProperty '"
              + timestampProperty
              + "' for the writer, not '"
              + entity.timestampProperty()
              + "'");
    }
  }
}
