package io.shardstream.core.config;

/**
 * From {@code timestamp} on, new items of an entity get a shard suffix of {@code chars} characters
 * in base {@code 2^charBits}: {@code radix^chars} shards. A bump never moves existing items.
 */
public record ShardBump(long timestamp, int charBits, int chars) {

  /** The bump every entity has at time 0 unless configured otherwise: one unsharded partition. */
  public static final ShardBump UNSHARDED = new ShardBump(0, 1, 0);

  public int radix() {
    return 1 << charBits;
  }

  /** Number of shards, {@code radix^chars} (old Entity Manager builds used chars × radix). */
  public long shardCount() {
    long count = 1;
    for (int i = 0; i < chars; i++) {
      count = Math.multiplyExact(count, radix());
    }
    return count;
  }
}
