package io.shardstream.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One entity of the configuration.
 *
 * @param shardBumps sorted by timestamp, always starting with a bump at 0 (implied: unsharded)
 * @param generated the generated properties this entity carries, when the config names them; empty
 *     means "the default rule" (see {@code EntityManager#addKeys})
 * @param canonicalize derived property → source property, filled with the canonical form of the
 *     source (e.g. {@code firstNameCanonical} from {@code firstName})
 * @param model the declared attributes, parent and uniqueness rules ({@link EntityModel#UNDECLARED}
 *     for an Entity Manager config)
 */
public record EntityDefinition(
    String token,
    String uniqueProperty,
    String timestampProperty,
    List<ShardBump> shardBumps,
    Optional<Set<String>> generated,
    Map<String, String> canonicalize,
    int defaultLimit,
    int defaultPageSize,
    EntityModel model) {

  public EntityDefinition {
    shardBumps = List.copyOf(shardBumps);
    // Keep the configured order: derived properties appear in items in that order.
    canonicalize = Collections.unmodifiableMap(new LinkedHashMap<>(canonicalize));
  }

  /** The bump in force at {@code timestamp}: the last one that starts at or before it. */
  public ShardBump bumpAt(long timestamp) {
    ShardBump current = shardBumps.get(0);
    for (ShardBump bump : shardBumps) {
      if (bump.timestamp() <= timestamp) {
        current = bump;
      }
    }
    return current;
  }

  /** Whether any bump in the config gives this entity more than one shard. */
  public boolean isSharded() {
    return shardBumps.stream().anyMatch(b -> b.chars() > 0);
  }
}
