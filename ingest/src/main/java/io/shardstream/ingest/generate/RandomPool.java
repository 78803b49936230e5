package io.shardstream.ingest.generate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A set with constant-time add, remove and uniform random pick. Its order depends only on the
 * sequence of calls, never on hash codes, so picks are reproducible from the seed.
 */
final class RandomPool<T> {
  private final List<T> items = new ArrayList<>();
  private final Map<T, Integer> positions = new IdentityHashMap<>();

  void add(T item) {
    if (positions.putIfAbsent(item, items.size()) == null) {
      items.add(item);
    }
  }

  void remove(T item) {
    Integer position = positions.remove(item);
    if (position == null) {
      return;
    }
    T last = items.removeLast();
    if (last != item) {
      items.set(position, last);
      positions.put(last, position);
    }
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  int size() {
    return items.size();
  }

  T pick(Random random) {
    return items.get(random.nextInt(items.size()));
  }
}
