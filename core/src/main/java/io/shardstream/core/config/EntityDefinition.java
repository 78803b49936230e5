package io.shardstream.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * @param plural the entity's plural name (config key {@code plural}, else {@link #defaultPlural}):
 *     its route segment ({@code /v1/persons}) and change-topic name
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
    EntityModel model,
    String plural) {

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

  /**
   * The English plural of {@code token}: {@code es} after s, x, z, ch, sh ({@code address →
   * addresses}); {@code ies} for a consonant followed by y ({@code company → companies}); else
   * {@code s} ({@code person → persons}, {@code bankAccount → bankAccounts}). Irregular plurals are
   * configured ({@code "plural": "people"}).
   */
  public static String defaultPlural(String token) {
    String lower = token.toLowerCase(Locale.ROOT);
    if (lower.matches(".*(s|x|z|ch|sh)")) {
      return token + "es";
    }
    if (lower.matches(".*[^aeiou]y")) {
      return token.substring(0, token.length() - 1) + "ies";
    }
    return token + "s";
  }

  /** Whether the plural was configured (differs from {@link #defaultPlural}). */
  public boolean pluralConfigured() {
    return !plural.equals(defaultPlural(token));
  }

  /** Whether any bump in the config gives this entity more than one shard. */
  public boolean isSharded() {
    return shardBumps.stream().anyMatch(b -> b.chars() > 0);
  }
}
