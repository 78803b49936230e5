package io.shardstream.queryapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One way to list an entity: the indexes that share a range key, one per hash-key scope. The scope
 * is the set of properties the hash key needs besides the shard: empty for the table hash key,
 * {@code [beneficiaryId]} for a sharded generated property of that one element.
 *
 * @param name the {@code sort} value: the token of the family's index on the table hash key (or,
 *     without one, of its first index)
 * @param rangeKey the range key property every index of the family has
 * @param kind how the range key is searched
 * @param indexByScope index token by the scope properties it needs
 * @param nameElements for a {@link Kind#NAME} family: the range key's elements (canonical names)
 */
record SearchFamily(
    String name,
    String rangeKey,
    Kind kind,
    Map<Set<String>, String> indexByScope,
    List<String> nameElements) {

  /** How a family's range key is searched. */
  enum Kind {
    /** The entity's timestamp property: the time window, {@code <property>From/To}. */
    WINDOW,
    /** Another timestamp: {@code <property>From/To}, key condition or filter. */
    TIMESTAMP,
    /** A string: {@code <property>} is a prefix, key condition or filter. */
    PREFIX,
    /** A generated key of canonical names: the {@code name} search across all such families. */
    NAME,
    /** Ordered by it, not searched. */
    ORDER_ONLY
  }

  SearchFamily {
    indexByScope = Map.copyOf(indexByScope);
    nameElements = List.copyOf(nameElements);
  }

  Optional<String> index(Set<String> scope) {
    return Optional.ofNullable(indexByScope.get(scope));
  }
}
