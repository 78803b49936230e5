package io.shardstream.writer.state;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The writer's state stores: changelogged key-value stores of JSON values, cached so that several
 * changes to one key between commits write one changelog record.
 */
public final class GateStores {
  /** Email stage, keyed by address: {@link EmailState}. */
  public static final String EMAIL_STATES = "email-states";

  /** User stage, keyed by userId: {@link UserState}. */
  public static final String USER_STATES = "user-states";

  /** User stage, keyed by userId: {@link UserEmails}, the index the cascade reads. */
  public static final String USER_EMAILS = "user-emails";

  private GateStores() {}

  public static StoreBuilder<KeyValueStore<String, EmailState>> emailStates(StoreKind kind) {
    return store(EMAIL_STATES, EmailState.class, kind);
  }

  public static StoreBuilder<KeyValueStore<String, UserState>> userStates(StoreKind kind) {
    return store(USER_STATES, UserState.class, kind);
  }

  public static StoreBuilder<KeyValueStore<String, UserEmails>> userEmails(StoreKind kind) {
    return store(USER_EMAILS, UserEmails.class, kind);
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> store(
      String name, Class<V> type, StoreKind kind) {
    return Stores.keyValueStoreBuilder(kind.supplier(name), Serdes.String(), JsonSerde.of(type))
        .withCachingEnabled();
  }
}
