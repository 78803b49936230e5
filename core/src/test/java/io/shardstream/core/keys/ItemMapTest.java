package io.shardstream.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ItemMap}, the map {@code addKeys} returns, behaves as a {@code LinkedHashMap} does. */
class ItemMapTest {
  private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f", "g");

  @Test
  void randomOperationsLeaveTheSameMapAsALinkedHashMap() {
    for (long seed = 1; seed <= 200; seed++) {
      Random random = new Random(seed);
      Map<String, Object> expected = new LinkedHashMap<>();
      ItemMap actual = new ItemMap(random.nextInt(3));
      for (int step = 0; step < 40; step++) {
        String name = random.nextInt(10) == 0 ? null : NAMES.get(random.nextInt(NAMES.size()));
        Object value = random.nextInt(8) == 0 ? null : random.nextInt(5);
        switch (random.nextInt(4)) {
          case 0, 1 -> assertThat(actual.put(name, value)).isEqualTo(expected.put(name, value));
          case 2 -> assertThat(actual.remove(name)).isEqualTo(expected.remove(name));
          default -> removeByIterator(actual, expected, name);
        }
        assertThat(actual.get(name)).isEqualTo(expected.get(name));
        assertThat(actual.containsKey(name)).isEqualTo(expected.containsKey(name));
        assertThat(new ArrayList<>(actual.entrySet()))
            .as("seed %d step %d", seed, step)
            .isEqualTo(new ArrayList<>(expected.entrySet()));
        assertThat(actual).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(expected).isEqualTo(actual);
      }
    }
  }

  @Test
  void appendGrowsPastTheCapacityGivenAndEntriesWriteThrough() {
    ItemMap map = new ItemMap(1);
    for (int i = 0; i < 10; i++) {
      map.append("p" + i, i);
    }
    assertThat(map).hasSize(10).containsEntry("p9", 9);
    map.entrySet().iterator().next().setValue("changed");
    assertThat(map.get("p0")).isEqualTo("changed");
    map.clear();
    assertThat(map).isEmpty();
  }

  private static void removeByIterator(ItemMap actual, Map<String, Object> expected, String name) {
    for (Map<String, Object> map : List.<Map<String, Object>>of(actual, expected)) {
      Iterator<Map.Entry<String, Object>> entries = map.entrySet().iterator();
      while (entries.hasNext()) {
        if (java.util.Objects.equals(entries.next().getKey(), name)) {
          entries.remove();
        }
      }
    }
  }
}
