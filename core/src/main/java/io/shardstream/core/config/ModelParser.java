package io.shardstream.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads an entity's optional declarations ({@code attributes}, {@code parent}, {@code unique}):
 * their shape and types. How they relate to the rest of the configuration is {@link ModelRules}'.
 */
final class ModelParser {
  private static final Set<String> ATTRIBUTE_KEYS =
      Set.of("type", "required", "maxLength", "format", "enum", "sensitive", "notBefore");
  private static final Set<String> PARENT_KEYS =
      Set.of("entity", "property", "cascadeDelete", "colocated", "parentTimestampProperty");
  private static final Set<String> UNIQUE_KEYS = Set.of("property", "owner");

  /** DynamoDB's item limit: no string attribute can be longer. */
  private static final long MAX_LENGTH = 400_000;

  private final ErrorCollector errors;
  private final JsonFields fields;

  ModelParser(ErrorCollector errors, JsonFields fields) {
    this.errors = errors;
    this.fields = fields;
  }

  EntityModel parse(JsonNode entity, String path) {
    Map<String, AttributeDefinition> attributes = attributes(entity, path);
    Optional<ParentRelation> parent = parent(entity, path);
    List<UniqueRule> unique = unique(entity, path);
    if (attributes.isEmpty() && parent.isEmpty() && unique.isEmpty()) {
      return EntityModel.UNDECLARED;
    }
    return new EntityModel(attributes, parent, unique);
  }

  private Map<String, AttributeDefinition> attributes(JsonNode entity, String path) {
    Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
    Optional<JsonNode> section = fields.object(entity, path, "attributes", false);
    if (section.isEmpty()) {
      return attributes;
    }
    if (section.get().isEmpty()) {
      errors.add(
          path + ".attributes",
          "non-empty",
          "'attributes' must declare at least one attribute (or be left out)");
    }
    JsonFields.fields(section.get())
        .forEach(
            (name, node) -> {
              String at = ErrorCollector.child(path + ".attributes", name);
              if (!node.isObject()) {
                errors.add(
                    at, "type", "attribute must be an object such as {\"type\": \"string\"}");
                return;
              }
              attribute(name, node, at).ifPresent(a -> attributes.put(name, a));
            });
    return attributes;
  }

  private Optional<AttributeDefinition> attribute(String name, JsonNode node, String at) {
    fields.rejectUnknown(node, at, ATTRIBUTE_KEYS);
    Optional<AttributeType> type =
        known(
            node,
            at,
            "type",
            true,
            "attribute type",
            AttributeType::byJsonName,
            AttributeType.jsonNames());
    boolean required = fields.bool(node, at, "required").orElse(false);
    boolean sensitive = fields.bool(node, at, "sensitive").orElse(false);
    OptionalInt maxLength =
        fields
            .integer(node, at, "maxLength", false, 1, MAX_LENGTH)
            .map(v -> OptionalInt.of(v.intValue()))
            .orElse(OptionalInt.empty());
    Optional<AttributeFormat> format =
        known(
            node,
            at,
            "format",
            false,
            "format",
            AttributeFormat::byJsonName,
            AttributeFormat.jsonNames());
    Optional<List<String>> enumValues = fields.stringList(node, at, "enum", true);
    Optional<String> notBefore = fields.string(node, at, "notBefore", false);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    boolean string = type.get() == AttributeType.STRING;
    stringOnly(at, "maxLength", maxLength.isPresent(), string, type.get());
    stringOnly(at, "format", format.isPresent(), string, type.get());
    stringOnly(at, "enum", enumValues.isPresent(), string, type.get());
    if (format.isPresent() && enumValues.isPresent()) {
      errors.add(at, "format-or-enum", "give either 'format' or 'enum', not both");
    }
    return Optional.of(
        new AttributeDefinition(
            name, type.get(), required, maxLength, format, enumValues, sensitive, notBefore));
  }

  /** A name looked up in a closed list ({@code known-type}, {@code known-format} when unknown). */
  private <T> Optional<T> known(
      JsonNode node,
      String at,
      String key,
      boolean required,
      String label,
      Function<String, Optional<T>> lookup,
      String names) {
    return fields
        .string(node, at, key, required)
        .flatMap(
            text -> {
              Optional<T> found = lookup.apply(text);
              if (found.isEmpty()) {
                errors.add(
                    at + "." + key,
                    "known-" + key,
                    "unknown " + label + " '" + text + "' (known: " + names + ")");
              }
              return found;
            });
  }

  private void stringOnly(
      String at, String key, boolean present, boolean string, AttributeType type) {
    if (present && !string) {
      errors.add(
          at + "." + key,
          "string-only",
          "'" + key + "' applies to string attributes only, not " + type.jsonName());
    }
  }

  private Optional<ParentRelation> parent(JsonNode entity, String path) {
    Optional<JsonNode> node = fields.object(entity, path, "parent", false);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    String at = path + ".parent";
    fields.rejectUnknown(node.get(), at, PARENT_KEYS);
    Optional<String> parentEntity = fields.string(node.get(), at, "entity", true);
    Optional<String> property = fields.string(node.get(), at, "property", true);
    boolean cascade = fields.bool(node.get(), at, "cascadeDelete").orElse(true);
    boolean colocated = fields.bool(node.get(), at, "colocated").orElse(false);
    Optional<String> timestamp = fields.string(node.get(), at, "parentTimestampProperty", false);
    if (parentEntity.isEmpty() || property.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ParentRelation(parentEntity.get(), property.get(), cascade, colocated, timestamp));
  }

  private List<UniqueRule> unique(JsonNode entity, String path) {
    List<UniqueRule> rules = new ArrayList<>();
    Optional<JsonNode> array = fields.array(entity, path, "unique");
    if (array.isEmpty()) {
      return rules;
    }
    for (int i = 0; i < array.get().size(); i++) {
      JsonNode rule = array.get().get(i);
      String at = ErrorCollector.index(path + ".unique", i);
      if (!rule.isObject()) {
        errors.add(at, "type", "a unique rule must be an object {\"property\", \"owner\"}");
        continue;
      }
      fields.rejectUnknown(rule, at, UNIQUE_KEYS);
      Optional<String> property = fields.string(rule, at, "property", true);
      Optional<String> owner = fields.string(rule, at, "owner", true);
      if (property.isPresent() && owner.isPresent()) {
        rules.add(new UniqueRule(property.get(), owner.get()));
      }
    }
    return rules;
  }
}
