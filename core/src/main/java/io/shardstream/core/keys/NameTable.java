package io.shardstream.core.keys;

import java.util.Map;

/**
 * Property name to a small int, for the names {@code addKeys} looks at in every property of every
 * item. Open addressing at most a quarter full on the names' cached hash codes: most names of an
 * item are not in the table and most of those hit an empty slot at once, with no equals call.
 */
final class NameTable {
  /** What {@link #get} returns for a name not in the table. */
  static final int ABSENT = Integer.MIN_VALUE;

  private final String[] names;
  private final int[] hashes;
  private final int[] codes;
  private final int mask;

  NameTable(Map<String, Integer> codes) {
    int capacity = Integer.highestOneBit(Math.max(4, codes.size()) * 4 - 1) << 1;
    this.names = new String[capacity];
    this.hashes = new int[capacity];
    this.codes = new int[capacity];
    this.mask = capacity - 1;
    codes.forEach(
        (name, code) -> {
          int hash = name.hashCode();
          int i = spread(hash) & mask;
          while (names[i] != null) {
            i = (i + 1) & mask;
          }
          names[i] = name;
          hashes[i] = hash;
          this.codes[i] = code;
        });
  }

  /** The code of {@code name}, or {@link #ABSENT}; null names are absent. */
  int get(String name) {
    if (name == null) {
      return ABSENT;
    }
    int hash = name.hashCode();
    for (int i = spread(hash) & mask; names[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == hash && (names[i] == name || names[i].equals(name))) {
        return codes[i];
      }
    }
    return ABSENT;
  }

  /** Mixes the high bits down, as names often differ only in their last characters. */
  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
