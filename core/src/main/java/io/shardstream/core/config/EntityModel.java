package io.shardstream.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an entity declares beyond Entity Manager's keys: its typed attributes, its parent and its
 * uniqueness rules. All optional: a config without them (Entity Manager's format) parses and keys
 * exactly as before, and {@link #UNDECLARED} stands for "nothing declared".
 *
 * @param attributes in configured order; empty when the entity declares none
 */
public record EntityModel(
    Map<String, AttributeDefinition> attributes,
    Optional<ParentRelation> parent,
    List<UniqueRule> unique) {

  public static final EntityModel UNDECLARED =
      new EntityModel(Map.of(), Optional.empty(), List.of());

  public EntityModel {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    unique = List.copyOf(unique);
  }

  public boolean declaresAttributes() {
    return !attributes.isEmpty();
  }

  public Optional<AttributeDefinition> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** Whether this entity's items live in its parent's partition. */
  public boolean colocated() {
    return parent.map(ParentRelation::colocated).orElse(false);
  }
}
