package io.shardstream.dynamo.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table as DynamoDB reports it, for people (see {@link #render()}).
 *
 * @param itemCount DynamoDB's count, refreshed about every six hours (DynamoDB Local keeps it
 *     current); {@link TableDescriber#countItems} counts exactly
 * @param createdAt null if DynamoDB did not say
 */
public record TableSummary(
    TableDefinition definition,
    String status,
    String billingMode,
    long itemCount,
    long sizeBytes,
    Instant createdAt,
    List<IndexSummary> globalIndexes) {

  public TableSummary {
    globalIndexes = List.copyOf(globalIndexes);
  }

  /** Several lines: status, key, counts, then one line per index. */
  public String render() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "table "
            + definition.tableName()
            + ": "
            + status
            + ", billing "
            + billingMode
            + (createdAt == null ? "" : ", created " + createdAt));
    lines.add(
        "  key: "
            + definition.hashKey()
            + (definition.rangeKey() == null ? "" : " / " + definition.rangeKey()));
    lines.add("  items: " + count(itemCount) + " (approximate), size " + bytes(sizeBytes));
    lines.add("  global indexes: " + globalIndexes.size());
    int width = globalIndexes.stream().mapToInt(i -> i.index().name().length()).max().orElse(0);
    for (IndexSummary index : globalIndexes) {
      lines.add(
          String.format(
              Locale.ROOT,
              "    %-" + width + "s  %s%s  %s  %s items",
              index.index().name(),
              index.status(),
              index.backfilling() ? " (backfilling)" : "",
              index.index().describeKeys(),
              count(index.itemCount())));
    }
    return String.join("\n", lines);
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = n;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
