package io.shardstream.writer.state;

import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Where the gate stores keep their data. Both are backed by a changelog topic, so either restores
 * after a restart; RocksDB holds more than the heap and restores only what it missed.
 */
public enum StoreKind {
  ROCKSDB,
  MEMORY;

  KeyValueBytesStoreSupplier supplier(String name) {
    return this == ROCKSDB
        ? Stores.persistentKeyValueStore(name)
        : Stores.inMemoryKeyValueStore(name);
  }
}
