package io.shardstream.writer.stage;

import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.writer.item.KeyedItem;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.sink.TableSinkStore;
import io.shardstream.writer.state.EntityState;

/** The table writes of one entity's stage, from the states the stage holds. */
final class EntityWrites {
  private final TableItems items;
  private final EntityDefinition entity;

  EntityWrites(TableItems items, EntityDefinition entity) {
    this.items = items;
    this.entity = entity;
  }

  void put(KeyedItem item, TableSinkStore sink, String origin) {
    sink.add(items.put(item), origin);
  }

  void delete(PrimaryKey key, TableSinkStore sink, String origin) {
    sink.add(items.delete(key), origin);
  }

  /**
   * Writes the instance's current state again: its item when it lives, a delete when it does not.
   *
   * <p>Why: Kafka Streams may interleave the entity's topic and its cascade topic differently when
   * a task processes records again after a failed commit, and a decision that changed the table in
   * the failed attempt (say, a claim accepted before a cascade) may be a no-op in the committed one
   * (claim refused after the cascade). If every record a child stage handles ends with a write of
   * the child's resulting state, the last write of every item comes from the committed attempt, and
   * the table converges to the committed state. Only stages with a cascade input need it.
   */
  void current(EntityState state, TableSinkStore sink, String origin) {
    if (state == null) {
      return;
    }
    if (state.live() && state.item() == null) {
      // Written before the entity had a linked parent (a config change): nothing to write again
      // until its next event stores the item.
      return;
    }
    if (state.live()) {
      put(TableItems.knownValid(items.keyed(entity.token(), state.item())), sink, origin);
    } else {
      deleteItem(state, sink, origin);
    }
  }

  /** Deletes the item of {@code state} (from every shard when its key is unknown). */
  void deleteItem(EntityState state, TableSinkStore sink, String origin) {
    if (state.hasKey()) {
      delete(key(state), sink, origin);
    } else {
      deleteAnywhere(state.id(), sink, origin);
    }
  }

  /**
   * Deletes the instance's item from every shard it can be in (its timestamp is unknown). A
   * co-located child's partition needs its parent's reference and timestamp, so a child never seen
   * has no item the writer could name (its own DELETE event carries its key).
   */
  void deleteAnywhere(String id, TableSinkStore sink, String origin) {
    if (entity.model().colocated()) {
      return;
    }
    for (PrimaryKey key : TableItems.knownValid(items.candidateKeys(entity.token(), id))) {
      delete(key, sink, origin);
    }
  }

  /** The table key a state knows (see {@link EntityState#hasKey}). */
  static PrimaryKey key(EntityState state) {
    return new PrimaryKey(state.hashKey(), state.rangeKey());
  }
}
