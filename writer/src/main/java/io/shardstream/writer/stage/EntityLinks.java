package io.shardstream.writer.stage;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.config.ParentRelation;
import io.shardstream.core.config.UniqueRule;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the configuration's relations mean for the stages: which children tell their parent's stage
 * about themselves (claims and releases on {@code <app>-<child>-owner-changes}) and receive its
 * cascade commands ({@code <app>-<child>-cascade}), and which uniqueness rule a stage enforces.
 */
public final class EntityLinks {
  private final EntityConfig config;

  public EntityLinks(EntityConfig config) {
    // Core's config rules refuse unique rules on anything but the unique property (the stage is
    // keyed by it), so every rule here is one the stages enforce.
    this.config = config;
  }

  public Collection<EntityDefinition> entities() {
    return config.entities().values();
  }

  public EntityDefinition entity(String token) {
    return config.entity(token).orElseThrow();
  }

  /**
   * The parent whose stage keeps this entity's claims: declared, and either deleting it cascades or
   * it owns the entity's unique value.
   */
  public Optional<ParentRelation> linkedParent(EntityDefinition entity) {
    return entity
        .model()
        .parent()
        .filter(parent -> parent.cascadeDelete() || ownerRule(entity).isPresent());
  }

  /** The entities linked to {@code parent} ({@link #linkedParent}), in configuration order. */
  public List<EntityDefinition> linkedChildren(String parent) {
    return config.entities().values().stream()
        .filter(
            child ->
                linkedParent(child).map(relation -> relation.entity().equals(parent)).orElse(false))
        .toList();
  }

  /** Whether any child lives in this entity's partition (its timestamp is then immutable). */
  public boolean hasColocatedChildren(String parent) {
    return config.entities().values().stream()
        .anyMatch(
            child ->
                child.model().colocated()
                    && child.model().parent().orElseThrow().entity().equals(parent));
  }

  /**
   * The rule "one parent at a time holds this instance's unique value" (User/Email: an address
   * belongs to one user): the unique property owned by the parent reference.
   */
  public Optional<UniqueRule> ownerRule(EntityDefinition entity) {
    Optional<String> reference = entity.model().parent().map(ParentRelation::property);
    return entity.model().unique().stream()
        .filter(rule -> reference.isPresent() && rule.owner().equals(reference.get()))
        .findFirst();
  }
}
