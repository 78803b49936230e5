package io.shardstream.queryapi;

import io.shardstream.core.config.AttributeDefinition;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.config.ParentRelation;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the API serves one entity, derived from the entity configuration ({@link ApiModel}).
 *
 * @param plural the route segment ({@code /v1/users})
 * @param families the ways to list it, by name; empty for an entity listed only under its parent
 * @param colocatedChildren the child entities whose items live in this entity's partition
 * @param indexedChildren the other child entities, each listed through an index of its parent
 *     reference
 */
record ApiEntity(
    EntityDefinition definition,
    String plural,
    List<SearchFamily> families,
    List<ApiEntity.Child> colocatedChildren,
    List<ApiEntity.Child> indexedChildren) {

  /** A child entity as its parent's routes see it. */
  record Child(String token, String plural, String reference) {}

  ApiEntity {
    families = List.copyOf(families);
    colocatedChildren = List.copyOf(colocatedChildren);
    indexedChildren = List.copyOf(indexedChildren);
  }

  String token() {
    return definition.token();
  }

  String idProperty() {
    return definition.uniqueProperty();
  }

  Optional<ParentRelation> parent() {
    return definition.model().parent();
  }

  boolean colocated() {
    return definition.model().colocated();
  }

  Optional<Child> child(String plural) {
    return children().stream().filter(c -> c.plural().equals(plural)).findFirst();
  }

  List<Child> children() {
    return java.util.stream.Stream.concat(colocatedChildren.stream(), indexedChildren.stream())
        .toList();
  }

  /** The attributes served masked unless the caller may reveal them. */
  Set<String> sensitive() {
    Set<String> names = new TreeSet<>();
    definition.model().attributes().values().stream()
        .filter(AttributeDefinition::sensitive)
        .forEach(a -> names.add(a.name()));
    return names;
  }

  /** Whether items of this entity hold the property (declared, derived, or a key property). */
  boolean carries(String property) {
    return definition.model().attributes().containsKey(property)
        || definition.canonicalize().containsKey(property)
        || property.equals(definition.uniqueProperty())
        || property.equals(definition.timestampProperty());
  }
}
