package io.shardstream.core.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rules that tie the optional declarations ({@link EntityModel}) to the keys and to each other:
 * keys and references declared with fitting types, relations that point at entities and form no
 * cycle, co-located children whose partition can be computed from their own events, uniqueness
 * owners that exist, sensitive attributes kept out of keys. Nothing here applies to an entity that
 * declares nothing, so Entity Manager's configs keep validating as before.
 */
final class ModelRules {
  private final ErrorCollector errors;
  private final EntityConfig config;

  ModelRules(ErrorCollector errors, EntityConfig config) {
    this.errors = errors;
    this.config = config;
  }

  void check() {
    keyBindingDeclared();
    sortedEntities()
        .forEach(
            entity -> {
              String path = ErrorCollector.child("$.entities", entity.token());
              if (entity.model().declaresAttributes()) {
                keysDeclared(entity, path);
                transcodedTypesFit(entity, path);
                canonicalizeDeclared(entity, path);
                sensitiveOutOfKeys(entity, path);
                notBeforeValid(entity, path);
              }
              entity.model().parent().ifPresent(parent -> parentValid(entity, parent, path));
              uniqueRulesValid(entity, path);
            });
  }

  /** A key binding filters instances on a property some entity carries in every event. */
  private void keyBindingDeclared() {
    config
        .keyBindingProperty()
        .filter(
            property ->
                config.entities().values().stream()
                    .noneMatch(e -> e.model().attribute(property).isPresent()))
        .ifPresent(
            property ->
                errors.add(
                    "$.keyBinding.property",
                    "declared",
                    "'"
                        + property
                        + "' is not a declared attribute of any entity; declare it in the"
                        + " attributes of the entities an API key may be bound to"));
  }

  private List<EntityDefinition> sortedEntities() {
    return config.entities().values().stream()
        .sorted((a, b) -> a.token().compareTo(b.token()))
        .toList();
  }

  /** The unique and timestamp properties are declared, required, and of a keyable type. */
  private void keysDeclared(EntityDefinition entity, String path) {
    requiredAttribute(entity, path + ".uniqueProperty", entity.uniqueProperty(), null);
    requiredAttribute(
        entity,
        path + ".timestampProperty",
        entity.timestampProperty(),
        Set.of(AttributeType.TIMESTAMP, AttributeType.INTEGER));
  }

  /**
   * {@code name} is a required attribute of {@code entity}, of one of {@code types} when given.
   * Returns the attribute when it is declared.
   */
  private Optional<AttributeDefinition> requiredAttribute(
      EntityDefinition entity, String path, String name, Set<AttributeType> types) {
    Optional<AttributeDefinition> attribute = entity.model().attribute(name);
    if (attribute.isEmpty()) {
      errors.add(
          path,
          "declared",
          "'" + name + "' is not declared in " + entity.token() + "'s attributes");
      return attribute;
    }
    if (!attribute.get().required()) {
      errors.add(
          path,
          "required-attribute",
          "'" + name + "' must be declared \"required\": true (every event needs it)");
    }
    if (types != null && !types.contains(attribute.get().type())) {
      errors.add(
          path,
          "attribute-type",
          "'"
              + name
              + "' is declared "
              + attribute.get().type().jsonName()
              + "; it must be "
              + String.join(" or ", types.stream().map(AttributeType::jsonName).sorted().toList()));
    }
    return attribute;
  }

  private void transcodedTypesFit(EntityDefinition entity, String path) {
    entity
        .model()
        .attributes()
        .values()
        .forEach(
            attribute -> {
              String transcode = config.propertyTranscodes().get(attribute.name());
              if (transcode != null && !attribute.type().keyableWith(transcode)) {
                errors.add(
                    ErrorCollector.child(path + ".attributes", attribute.name()) + ".type",
                    "transcode-type",
                    "'"
                        + attribute.name()
                        + "' is declared "
                        + attribute.type().jsonName()
                        + " but propertyTranscodes keys it as "
                        + transcode);
              }
            });
  }

  private void canonicalizeDeclared(EntityDefinition entity, String path) {
    entity
        .canonicalize()
        .forEach(
            (target, source) -> {
              String at = ErrorCollector.child(path + ".canonicalize", target);
              Optional<AttributeDefinition> attribute = entity.model().attribute(source);
              if (attribute.isEmpty()) {
                errors.add(
                    at, "declared", "source '" + source + "' is not declared in the attributes");
              } else if (attribute.get().type() != AttributeType.STRING) {
                errors.add(
                    at,
                    "attribute-type",
                    "source '" + source + "' must be a string attribute to be canonicalized");
              }
              if (entity.model().attribute(target).isPresent()) {
                errors.add(
                    at,
                    "derived-declared",
                    "'"
                        + target
                        + "' is derived by canonicalize; remove it from the attributes (events do"
                        + " not carry it)");
              }
            });
  }

  /** A key is readable by anyone who can query the table or its indexes. */
  private void sensitiveOutOfKeys(EntityDefinition entity, String path) {
    Set<String> keyed = new HashSet<>();
    keyed.add(entity.uniqueProperty());
    keyed.add(entity.timestampProperty());
    entity.canonicalize().forEach((target, source) -> keyed.add(source));
    config.generatedProperties().values().forEach(p -> keyed.addAll(p.elements()));
    config.indexes().values().forEach(i -> keyed.add(i.rangeKey()));
    entity.model().parent().ifPresent(p -> keyed.add(p.property()));
    entity.model().attributes().values().stream()
        .filter(a -> a.sensitive() && keyed.contains(a.name()))
        .forEach(
            a ->
                errors.add(
                    ErrorCollector.child(path + ".attributes", a.name()) + ".sensitive",
                    "sensitive-key",
                    "'"
                        + a.name()
                        + "' is part of a key or index, where masking cannot hide it; drop"
                        + " \"sensitive\" or the key"));
  }

  /** {@code notBefore} names another attribute of the entity, of the same ordered type. */
  private void notBeforeValid(EntityDefinition entity, String path) {
    for (AttributeDefinition attribute : entity.model().attributes().values()) {
      if (attribute.notBefore().isEmpty()) {
        continue;
      }
      String at = ErrorCollector.child(path + ".attributes", attribute.name()) + ".notBefore";
      String other = attribute.notBefore().get();
      Optional<AttributeDefinition> earliest = entity.model().attribute(other);
      if (earliest.isEmpty() || other.equals(attribute.name())) {
        errors.add(
            at,
            "declared",
            "'"
                + other
                + "' must be another attribute declared in "
                + entity.token()
                + "'s attributes");
      } else if (!AttributeDefinition.ORDERED_TYPES.contains(attribute.type())
          || attribute.type() != earliest.get().type()) {
        errors.add(
            at,
            "attribute-type",
            "notBefore compares two timestamps or two dates; '"
                + attribute.name()
                + "' is "
                + attribute.type().jsonName()
                + " and '"
                + other
                + "' is "
                + earliest.get().type().jsonName());
      }
    }
  }

  private void parentValid(EntityDefinition entity, ParentRelation parent, String path) {
    String at = path + ".parent";
    Optional<EntityDefinition> target = config.entity(parent.entity());
    if (target.isEmpty() || target.get() == entity) {
      errors.add(
          at + ".entity",
          "relation-target",
          target.isEmpty()
              ? "parent entity '" + parent.entity() + "' is not in the configuration"
              : "an entity cannot be its own parent");
      return;
    }
    if (!entity.model().declaresAttributes()) {
      errors.add(
          path,
          "attributes-required",
          "an entity with a parent must declare its attributes (the reference property at least)");
    } else {
      requiredAttribute(entity, at + ".property", parent.property(), null)
          .ifPresent(reference -> referenceFitsParentId(reference, target.get(), at));
    }
    cycle(entity)
        .ifPresent(
            chain ->
                errors.add(
                    at + ".entity",
                    "parent-cycle",
                    "parents form a cycle: " + String.join(" -> ", chain)));
    if (target.get().model().parent().isPresent() && cycle(entity).isEmpty()) {
      errors.add(
          at + ".entity",
          "relation-depth",
          "'"
              + target.get().token()
              + "' has a parent itself; relations are one level deep (a parent's delete cascades"
              + " to its children, not to theirs): make '"
              + entity.token()
              + "' a child of '"
              + target.get().model().parent().get().entity()
              + "' or drop one relation");
    }
    if (parent.colocated()) {
      colocatedValid(entity, parent, target.get(), at);
    } else if (parent.parentTimestampProperty().isPresent()) {
      errors.add(
          at + ".parentTimestampProperty",
          "colocated-only",
          "parentTimestampProperty is used only by a co-located child (\"colocated\": true)");
    }
  }

  private void referenceFitsParentId(
      AttributeDefinition reference, EntityDefinition parent, String at) {
    parent
        .model()
        .attribute(parent.uniqueProperty())
        .filter(id -> id.type() != reference.type())
        .ifPresent(
            id ->
                errors.add(
                    at + ".property",
                    "reference-type",
                    "'"
                        + reference.name()
                        + "' is declared "
                        + reference.type().jsonName()
                        + " but references "
                        + parent.token()
                        + "."
                        + id.name()
                        + ", a "
                        + id.type().jsonName()));
  }

  /**
   * A co-located child's hash key is its parent's: the parent's shard function of (reference,
   * parent timestamp). So the child's event must carry both, the parent must have a partition of
   * its own, and the child must not have shards of its own.
   */
  /**
   * A co-located child lives in its parent's partitions, which the parent's searches on indexes
   * keyed by the table's hash key read: a child carrying such an index's range key would be listed
   * (and shown) as a parent.
   */
  private void partitionIndexesUnused(EntityDefinition entity) {
    for (IndexDefinition index : config.indexes().values()) {
      if (index.hashKey().equals(config.hashKey()) && carries(entity, index.rangeKey())) {
        errors.add(
            ErrorCollector.child("$.entities", entity.token()) + ".attributes",
            "colocated-index",
            "a co-located child must not carry '"
                + index.rangeKey()
                + "', the range key of index '"
                + index.token()
                + "' on the table's hash key: its parent's searches would list it; name it apart"
                + " (e.g. '"
                + entity.token()
                + capitalized(index.rangeKey())
                + "')");
      }
    }
  }

  private boolean carries(EntityDefinition entity, String property) {
    Optional<GeneratedProperty> generated = config.generatedProperty(property);
    if (generated.isEmpty()) {
      return entity.model().attribute(property).isPresent()
          || entity.canonicalize().containsKey(property);
    }
    return generated.get().elements().stream().allMatch(element -> carries(entity, element));
  }

  private void colocatedValid(
      EntityDefinition entity, ParentRelation parent, EntityDefinition target, String at) {
    if (parent.parentTimestampProperty().isEmpty()) {
      errors.add(
          at + ".parentTimestampProperty",
          "required",
          "a co-located child must name the attribute carrying its parent's "
              + target.timestampProperty()
              + " (e.g. \""
              + target.token()
              + capitalized(target.timestampProperty())
              + "\"), so its partition is computable before the parent is seen");
    } else if (entity.model().declaresAttributes()) {
      requiredAttribute(
          entity,
          at + ".parentTimestampProperty",
          parent.parentTimestampProperty().get(),
          Set.of(AttributeType.TIMESTAMP, AttributeType.INTEGER));
    }
    partitionIndexesUnused(entity);
    if (target.model().colocated()) {
      errors.add(
          at + ".colocated",
          "colocated-depth",
          "'"
              + target.token()
              + "' is itself co-located in its parent's partition; co-locate with the root"
              + " entity instead");
    }
    if (entity.shardBumps().size() > 1 || entity.isSharded()) {
      errors.add(
          ErrorCollector.child("$.entities", entity.token()) + ".shardBumps",
          "colocated-shard-bumps",
          "a co-located child lives in its parent's partition and has no shards of its own; remove"
              + " its shardBumps");
    }
  }

  /** The chain of parents from {@code entity} back to itself, when there is one. */
  private Optional<List<String>> cycle(EntityDefinition entity) {
    List<String> chain = new ArrayList<>(List.of(entity.token()));
    Optional<EntityDefinition> current = parentOf(entity);
    while (current.isPresent()) {
      chain.add(current.get().token());
      if (current.get() == entity) {
        return Optional.of(chain);
      }
      if (chain.size() > config.entities().size() + 1) {
        return Optional.empty(); // a cycle further up; reported at its own entities
      }
      current = parentOf(current.get());
    }
    return Optional.empty();
  }

  private Optional<EntityDefinition> parentOf(EntityDefinition entity) {
    return entity.model().parent().flatMap(p -> config.entity(p.entity()));
  }

  private void uniqueRulesValid(EntityDefinition entity, String path) {
    List<UniqueRule> rules = entity.model().unique();
    for (int i = 0; i < rules.size(); i++) {
      UniqueRule rule = rules.get(i);
      String at = ErrorCollector.index(path + ".unique", i);
      if (entity.model().declaresAttributes()
          && entity.model().attribute(rule.property()).isEmpty()) {
        errors.add(
            at + ".property",
            "declared",
            "'" + rule.property() + "' is not declared in " + entity.token() + "'s attributes");
      }
      if (!rule.property().equals(entity.uniqueProperty())) {
        // The writer keys each entity's stage by its id, so only the id can be claimed by owners.
        errors.add(
            at + ".property",
            "unsupported",
            "not supported yet: a unique rule on '"
                + rule.property()
                + "'; only the entity's uniqueProperty ('"
                + entity.uniqueProperty()
                + "') can be unique, owned by its parent reference (as an email by its userId)");
      }
      Optional<String> reference = entity.model().parent().map(ParentRelation::property);
      if (!rule.owner().equals(entity.uniqueProperty())
          && !Optional.of(rule.owner()).equals(reference)) {
        errors.add(
            at + ".owner",
            "unique-owner",
            "owner '"
                + rule.owner()
                + "' must be the entity's uniqueProperty ('"
                + entity.uniqueProperty()
                + "')"
                + reference.map(r -> " or its parent reference ('" + r + "')").orElse(""));
      } else if (rule.owner().equals(rule.property())) {
        errors.add(at, "unique-owner", "a property cannot own itself; name the owner of the value");
      }
    }
  }

  private static String capitalized(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
