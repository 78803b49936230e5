package io.shardstream.ingest.stream;

import java.util.Map;
import java.util.Objects;

/**
 * How one source table's items become change events.
 *
 * @param table the source table (its stream is read)
 * @param entity what its items are
 * @param versionAttribute the attribute holding the item's version: a whole number (N), or a
 *     timestamp (N epoch milliseconds, or an S ISO-8601 instant) such as {@code updated}; it must
 *     grow with every change of an item, as the writer keeps only newer versions
 * @param attributeNames event field → source attribute, for tables whose attribute names differ
 *     from the event's ({@code userId} stored as {@code id}); fields not named here are read from
 *     the attribute of the same name
 * @param source the events' {@code source} ({@code ddb-stream:<table>} by default)
 */
public record SourceMapping(
    String table,
    SourceEntity entity,
    String versionAttribute,
    Map<String, String> attributeNames,
    String source) {
  public static final String DEFAULT_VERSION_ATTRIBUTE = "version";

  public SourceMapping {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(versionAttribute, "versionAttribute");
    Objects.requireNonNull(source, "source");
    attributeNames = Map.copyOf(attributeNames);
    if (table.isBlank()) {
      throw new IllegalArgumentException("the source table name is empty");
    }
    if (versionAttribute.isBlank()) {
      throw new IllegalArgumentException("the version attribute name is empty");
    }
    for (String field : attributeNames.keySet()) {
      if (!entity.stateFields().contains(field)) {
        throw new IllegalArgumentException(
            "'"
                + field
                + "' is not a field of a "
                + entity.type()
                + " (fields: "
                + String.join(", ", entity.stateFields())
                + ")");
      }
    }
  }

  /** Attributes named as the event's fields, the version in {@code version}. */
  public static SourceMapping of(String table, SourceEntity entity) {
    return new SourceMapping(
        table, entity, DEFAULT_VERSION_ATTRIBUTE, Map.of(), "ddb-stream:" + table);
  }

  public SourceMapping withVersionAttribute(String attribute) {
    return new SourceMapping(table, entity, attribute, attributeNames, source);
  }

  public SourceMapping withAttributeNames(Map<String, String> names) {
    return new SourceMapping(table, entity, versionAttribute, names, source);
  }

  /** The source attribute holding {@code field}. */
  public String attribute(String field) {
    return attributeNames.getOrDefault(field, field);
  }
}
