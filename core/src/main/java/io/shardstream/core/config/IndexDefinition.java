package io.shardstream.core.config;

import java.util.List;

/** A global secondary index: hash key is the table hash key or a sharded generated property. */
public record IndexDefinition(
    String token, String hashKey, String rangeKey, List<String> projections) {
  public IndexDefinition {
    projections = projections == null ? null : List.copyOf(projections);
  }

  /** Whether the index projects all attributes (Entity Manager: no {@code projections} given). */
  public boolean projectsAll() {
    return projections == null;
  }
}
