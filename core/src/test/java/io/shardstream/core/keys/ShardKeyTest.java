package io.shardstream.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.config.ShardBump;
import org.junit.jupiter.api.Test;

class ShardKeyTest {
  @Test
  void hashIsStringHashOverUtf16Units() {
    assertThat(ShardKey.hash("")).isEqualTo(5381);
    // (5381 * 33) ^ 'a' = 177573 ^ 97
    assertThat(ShardKey.hash("a")).isEqualTo(177573 ^ 97);
    // A character outside the BMP is two UTF-16 units, hashed from the last unit back.
    String emoji = "\uD83D\uDE00";
    long expected = ((5381L * 33) ^ 0xDE00);
    expected = ((int) expected * 33) ^ 0xD83D;
    assertThat(ShardKey.hash(emoji)).isEqualTo(Integer.toUnsignedLong((int) expected));
    assertThat(ShardKey.hash("a-long-identifier-that-overflows-32-bits"))
        .isBetween(0L, 0xFFFFFFFFL);
  }

  @Test
  void suffixIsBaseRadixPaddedToChars() {
    ShardBump bump = new ShardBump(0, 5, 2);
    assertThat(bump.shardCount()).isEqualTo(1024);
    String suffix = ShardKey.suffix("x", bump);
    assertThat(suffix).hasSize(2).matches("[0-9a-v]{2}");
    assertThat(Long.parseLong(suffix, 32)).isEqualTo(ShardKey.hash("x") % 1024);
    assertThat(ShardKey.format(3, new ShardBump(0, 2, 3))).isEqualTo("003");
    assertThat(ShardKey.suffix("x", ShardBump.UNSHARDED)).isEmpty();
  }
}
