package io.shardstream.core.keys;

import io.shardstream.core.config.ShardBump;

/**
 * The shard suffix of an item: {@code string-hash} of its unique id, modulo {@code radix^chars},
 * written in base {@code radix} and left-padded to {@code chars} characters.
 */
public final class ShardKey {
  private ShardKey() {}

  /**
   * The npm {@code string-hash} function (djb2, xor variant) that Entity Manager uses: from the
   * last UTF-16 unit to the first, {@code h = (h * 33) ^ unit} in 32 bits; the result unsigned.
   */
  public static long hash(String value) {
    int h = 5381;
    for (int i = value.length() - 1; i >= 0; i--) {
      h = (h * 33) ^ value.charAt(i);
    }
    return Integer.toUnsignedLong(h);
  }

  /** The suffix for {@code uniqueId} under {@code bump}; empty when the bump is unsharded. */
  public static String suffix(String uniqueId, ShardBump bump) {
    return format(hash(uniqueId) % bump.shardCount(), bump);
  }

  /** Shard number {@code shard} (0 ≤ shard < shardCount) as a suffix under {@code bump}. */
  public static String format(long shard, ShardBump bump) {
    if (bump.chars() == 0) {
      return "";
    }
    String digits = Long.toString(shard, bump.radix());
    return "0".repeat(bump.chars() - digits.length()) + digits;
  }
}
