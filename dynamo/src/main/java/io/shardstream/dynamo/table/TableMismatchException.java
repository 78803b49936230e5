package io.shardstream.dynamo.table;

import java.util.List;

/**
 * An existing table does not have the shape the entity configuration needs. shardstream never
 * migrates a table in place (an index's key cannot be changed, and rebuilding one silently would
 * hide the change): write a new table by replaying the log, or fix the configuration.
 */
public final class TableMismatchException extends RuntimeException {
  private final String tableName;
  private final List<String> differences;

  public TableMismatchException(String tableName, List<String> differences) {
    super(
        "table '"
            + tableName
            + "' does not match the entity configuration ("
            + differences.size()
            + (differences.size() == 1 ? " difference" : " differences")
            + "):\n  - "
            + String.join("\n  - ", differences)
            + "\nshardstream does not change existing tables: replay into a new table, or use the"
            + " configuration the table was created with.");
    this.tableName = tableName;
    this.differences = List.copyOf(differences);
  }

  public String tableName() {
    return tableName;
  }

  /** One readable sentence per difference. */
  public List<String> differences() {
    return differences;
  }
}
