package io.shardstream.dynamo.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every way an existing table differs from the one the configuration needs, one sentence each, so a
 * single error shows the whole picture instead of the first problem only.
 */
final class TableComparator {
  private TableComparator() {}

  static List<String> differences(TableDefinition wanted, TableDefinition actual) {
    List<String> differences = new ArrayList<>();
    compareKey("table hash key", wanted.hashKey(), actual.hashKey(), differences);
    compareKey("table range key", wanted.rangeKey(), actual.rangeKey(), differences);
    for (GlobalIndex index : wanted.globalIndexes()) {
      Optional<GlobalIndex> existing = actual.globalIndex(index.name());
      if (existing.isEmpty()) {
        differences.add(
            "index '"
                + index.name()
                + "' is missing (the config defines it as "
                + index.describeKeys()
                + ")");
      } else {
        compareIndex(index, existing.get(), differences);
      }
    }
    for (GlobalIndex index : actual.globalIndexes()) {
      if (wanted.globalIndex(index.name()).isEmpty()) {
        differences.add(
            "index '"
                + index.name()
                + "' exists on the table but not in the config"
                + " ("
                + index.describeKeys()
                + ")");
      }
    }
    return differences;
  }

  private static void compareIndex(
      GlobalIndex wanted, GlobalIndex actual, List<String> differences) {
    String label = "index '" + wanted.name() + "'";
    compareKey(label + " hash key", wanted.hashKey(), actual.hashKey(), differences);
    compareKey(label + " range key", wanted.rangeKey(), actual.rangeKey(), differences);
    if (!wanted.projection().equals(actual.projection())) {
      differences.add(
          label
              + " projection is "
              + actual.projection()
              + ", the config wants "
              + wanted.projection());
    }
  }

  private static void compareKey(
      String label, KeyAttribute wanted, KeyAttribute actual, List<String> differences) {
    if (Objects.equals(wanted, actual)) {
      return;
    }
    differences.add(
        label
            + " is "
            + (actual == null ? "absent" : actual)
            + ", the config wants "
            + (wanted == null ? "none" : wanted));
  }
}
