package io.shardstream.writer.state;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The writer's state stores: changelogged key-value stores of JSON values, cached so that several
 * changes to one key between commits write one changelog record. Named after the entity, so the
 * changelog topics are {@code <app>-<token>-states-changelog}.
 */
public final class GateStores {
  private GateStores() {}

  /** {@code <token>-states}, keyed by the entity's unique id: {@link EntityState}. */
  public static String states(String entity) {
    return entity + "-states";
  }

  /** {@code <token>-children}, keyed by the parent's id: {@link ChildClaims}. */
  public static String children(String parent) {
    return parent + "-children";
  }

  public static StoreBuilder<KeyValueStore<String, EntityState>> states(
      String entity, StoreKind kind) {
    return store(states(entity), EntityState.class, kind);
  }

  public static StoreBuilder<KeyValueStore<String, ChildClaims>> children(
      String parent, StoreKind kind) {
    return store(children(parent), ChildClaims.class, kind);
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> store(
      String name, Class<V> type, StoreKind kind) {
    return Stores.keyValueStoreBuilder(kind.supplier(name), Serdes.String(), JsonSerde.of(type))
        .withCachingEnabled();
  }
}
