package io.shardstream.queryapi;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.config.GeneratedProperty;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The property an API key's binding is compared with. The contract's source is the config's {@code
 * keyBinding} (core, branch i11-core); until core reads it, the binding is the one property that a
 * sharded generated property of a single element indexes and that is no entity's unique property (a
 * hash key per value of it: the partition of one binding value).
 */
final class KeyBinding {
  private KeyBinding() {}

  static Optional<String> property(EntityConfig config) {
    Set<String> uniques =
        config.entities().values().stream()
            .map(EntityDefinition::uniqueProperty)
            .collect(Collectors.toSet());
    List<String> candidates =
        config.generatedProperties().values().stream()
            .filter(GeneratedProperty::sharded)
            .filter(g -> g.elements().size() == 1 && !uniques.contains(g.elements().get(0)))
            .map(g -> g.elements().get(0))
            .distinct()
            .toList();
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }
}
