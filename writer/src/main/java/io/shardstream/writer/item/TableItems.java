package io.shardstream.writer.item;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.keys.KeyException;
import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.dynamo.AttributeMappingException;
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
 * The writer's view of the entity engine: table items and keys of any entity of the configuration,
 * with the engine's {@link KeyException}s and DynamoDB's item limits turned into {@link Rejection}s
 * naming the entity ({@code invalid:<entity>.<property>:<rule>}). Canonical properties ({@code
 * firstNameCanonical} ...) are derived by {@link EntityManager#addKeys} from the configuration's
 * {@code canonicalize} map.
 */
public final class TableItems {
  private final EntityManager entities;
  private final TableKeys tableKeys;
  private final ItemLimits limits;

  public TableItems(EntityManager entities) {
    EntityConfig config = entities.config();
    this.entities = entities;
    this.tableKeys = TableKeys.of(config);
    this.limits = new ItemLimits(config);
  }

  public EntityConfig config() {
    return entities.config();
  }

  /**
   * The definition of {@code entity}.
   *
   * @throws IllegalArgumentException the configuration has no such entity (a programming error: the
   *     writer builds its stages from the configuration's own entities)
   */
  public EntityDefinition entity(String entity) {
    return entities
        .config()
        .entity(entity)
        .orElseThrow(
            () -> new IllegalArgumentException("no entity '" + entity + "' in the configuration"));
  }

  /** The item with its derived properties and every generated key, or why it cannot be written. */
  public Checked<KeyedItem> keyed(String entity, Map<String, ?> item) {
    Checked<Map<String, Object>> withKeys = keys(entity, () -> entities.addKeys(entity, item));
    return withKeys.then(
        keyedItem -> {
          Map<String, AttributeValue> attributes;
          try {
            attributes = ItemMapper.toAttributes(keyedItem);
          } catch (AttributeMappingException e) {
            // A value the validation let through but DynamoDB cannot hold: the event's fault,
            // so a dead letter, never a writer that stops on the same record again and again.
            return Checked.rejected(
                Rejection.invalid(entity, e.path(), "unstorable", e.getMessage()));
          }
          Optional<Rejection> broken = limits.check(entity, attributes);
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

  /**
   * The table key of an entity instance from the properties its key is made of: the unique id and
   * the timestamp; for a co-located child also its parent reference and the parent's timestamp. An
   * item (or a DELETE's key record) holding more is fine.
   */
  public Checked<PrimaryKey> primaryKey(String entity, Map<String, ?> keyFields) {
    return keys(entity, () -> entities.primaryKey(entity, keyFields));
  }

  /** The table key of an entity instance from its unique id and timestamp. */
  public Checked<PrimaryKey> primaryKey(String entity, String uniqueId, long timestamp) {
    EntityDefinition definition = entity(entity);
    Map<String, Object> keyFields = new LinkedHashMap<>();
    keyFields.put(definition.uniqueProperty(), uniqueId);
    keyFields.put(definition.timestampProperty(), timestamp);
    return primaryKey(entity, keyFields);
  }

  /**
   * Every key an instance with this unique id can have when its timestamp is unknown (one per shard
   * bump). Not for a co-located child, whose partition needs its parent reference: the engine's
   * {@link KeyException} says so.
   */
  public Checked<List<PrimaryKey>> candidateKeys(String entity, String uniqueId) {
    return keys(entity, () -> entities.candidatePrimaryKeys(entity, uniqueId));
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

  private static <T> Checked<T> keys(String entity, Supplier<T> computation) {
    try {
      return Checked.ok(computation.get());
    } catch (KeyException e) {
      String property = e.property() == null ? "item" : e.property();
      return Checked.rejected(Rejection.invalid(entity, property, e.rule().code(), e.getMessage()));
    }
  }
}
