package io.shardstream.dynamo.table;

import java.util.Objects;

/**
 * A global secondary index of the table.
 *
 * @param rangeKey null for an index without a sort key (a table may have one; the entity
 *     configuration never defines one)
 */
public record GlobalIndex(
    String name, KeyAttribute hashKey, KeyAttribute rangeKey, IndexProjection projection) {
  public GlobalIndex {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hashKey, "hashKey");
    Objects.requireNonNull(projection, "projection");
  }

  /** {@code hashKey (S) / created (N), projection ALL}. */
  public String describeKeys() {
    return hashKey + (rangeKey == null ? "" : " / " + rangeKey) + ", projection " + projection;
  }
}
