package io.shardstream.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardstream.core.transcode.Transcodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One pass over a configuration tree: shape and types here, cross-references in {@link
 * ConfigRules}.
 */
final class ConfigParser {
  private static final Set<String> TOP_KEYS =
      Set.of(
          "hashKey",
          "rangeKey",
          "entities",
          "generatedProperties",
          "indexes",
          "propertyTranscodes",
          "generatedKeyDelimiter",
          "generatedValueDelimiter",
          "shardKeyDelimiter",
          "throttle",
          "keyBinding");
  private static final Set<String> ENTITY_KEYS =
      Stream.concat(
              Stream.of(
                  "uniqueProperty",
                  "timestampProperty",
                  "shardBumps",
                  "defaultLimit",
                  "defaultPageSize"),
              ConfigLoader.SHARDSTREAM_ENTITY_KEYS.stream())
          .collect(Collectors.toUnmodifiableSet());
  private static final Set<String> BUMP_KEYS = Set.of("timestamp", "charBits", "chars");
  private static final Set<String> INDEX_KEYS = Set.of("hashKey", "rangeKey", "projections");
  private static final Pattern HAS_NON_WORD = Pattern.compile("\\W");

  /** A plural names a route segment, a topic and a setting key: letters and digits only. */
  private static final Pattern PLURAL = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  private final ErrorCollector errors;
  private final JsonFields fields;
  private final ModelParser models;

  ConfigParser(ErrorCollector errors) {
    this.errors = errors;
    this.fields = new JsonFields(errors);
    this.models = new ModelParser(errors, fields);
  }

  EntityConfig parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      errors.add("$", "type", "the configuration must be a JSON object");
      return null;
    }
    fields.rejectUnknown(root, "$", TOP_KEYS);
    String hashKey = fields.string(root, "$", "hashKey", true).orElse(null);
    String rangeKey = fields.string(root, "$", "rangeKey", true).orElse(null);
    Delimiters delimiters = delimiters(root);
    fields.integer(root, "$", "throttle", false, 1, Integer.MAX_VALUE);
    Map<String, String> transcodes = propertyTranscodes(root);
    Map<String, GeneratedProperty> generated = generatedProperties(root);
    Map<String, EntityDefinition> entities = entities(root);
    Map<String, IndexDefinition> indexes = indexes(root);
    Optional<String> keyBinding = keyBinding(root);

    EntityConfig config =
        new EntityConfig(
            hashKey,
            rangeKey,
            delimiters.key(),
            delimiters.value(),
            delimiters.shard(),
            entities,
            generated,
            indexes,
            transcodes,
            keyBinding,
            null);
    new ConfigRules(errors, config).check();
    if (!errors.isEmpty()) {
      return null;
    }
    return withVersion(config);
  }

  /** {@code "keyBinding": {"property": "beneficiaryId"}}; which entities declare it: rules. */
  private Optional<String> keyBinding(JsonNode root) {
    return fields
        .object(root, "$", "keyBinding", false)
        .flatMap(
            node -> {
              fields.rejectUnknown(node, "$.keyBinding", Set.of("property"));
              return fields.string(node, "$.keyBinding", "property", true);
            });
  }

  private record Delimiters(String key, String value, String shard) {}

  private Delimiters delimiters(JsonNode root) {
    String key = delimiter(root, "generatedKeyDelimiter", "|");
    String value = delimiter(root, "generatedValueDelimiter", "#");
    String shard = delimiter(root, "shardKeyDelimiter", "!");
    List<String[]> named =
        List.of(
            new String[] {"generatedKeyDelimiter", key},
            new String[] {"generatedValueDelimiter", value},
            new String[] {"shardKeyDelimiter", shard});
    for (String[] a : named) {
      for (String[] b : named) {
        if (a != b && a[1] != null && b[1] != null && a[1].contains(b[1])) {
          errors.add(
              "$." + a[0],
              "delimiter-collision",
              a[0] + " '" + a[1] + "' contains " + b[0] + " '" + b[1] + "'");
        }
      }
    }
    return new Delimiters(key, value, shard);
  }

  private String delimiter(JsonNode root, String name, String fallback) {
    if (!root.has(name)) {
      return fallback;
    }
    Optional<String> value = fields.string(root, "$", name, true);
    if (value.isPresent() && !HAS_NON_WORD.matcher(value.get()).find()) {
      errors.add(
          "$." + name,
          "non-word-delimiter",
          name + " must contain a non-word character, got '" + value.get() + "'");
      return null;
    }
    return value.orElse(null);
  }

  private Map<String, String> propertyTranscodes(JsonNode root) {
    Map<String, String> transcodes = new LinkedHashMap<>();
    fields
        .object(root, "$", "propertyTranscodes", false)
        .ifPresent(
            object ->
                JsonFields.fields(object)
                    .forEach(
                        (property, node) -> {
                          String at = ErrorCollector.child("$.propertyTranscodes", property);
                          if (!node.isTextual()) {
                            errors.add(at, "type", "transcode name must be a string");
                          } else if (Transcodes.byName(node.asText()).isEmpty()) {
                            errors.add(
                                at,
                                "known-transcode",
                                "unknown transcode '"
                                    + node.asText()
                                    + "' (known: "
                                    + String.join(", ", Transcodes.names())
                                    + ")");
                          } else {
                            transcodes.put(property, node.asText());
                          }
                        }));
    return transcodes;
  }

  private Map<String, GeneratedProperty> generatedProperties(JsonNode root) {
    Map<String, GeneratedProperty> generated = new LinkedHashMap<>();
    Optional<JsonNode> section = fields.object(root, "$", "generatedProperties", false);
    if (section.isEmpty()) {
      return generated;
    }
    fields.rejectUnknown(section.get(), "$.generatedProperties", Set.of("sharded", "unsharded"));
    for (boolean sharded : new boolean[] {true, false}) {
      String kind = sharded ? "sharded" : "unsharded";
      String path = "$.generatedProperties." + kind;
      fields
          .object(section.get(), "$.generatedProperties", kind, false)
          .ifPresent(
              object ->
                  JsonFields.fields(object)
                      .forEach(
                          (name, elements) -> {
                            String at = ErrorCollector.child(path, name);
                            if (generated.containsKey(name)) {
                              errors.add(
                                  at,
                                  "unique",
                                  "generated property '"
                                      + name
                                      + "' is both sharded and unsharded");
                              return;
                            }
                            fields
                                .stringList(elements, at, true)
                                .ifPresent(
                                    list ->
                                        generated.put(
                                            name, new GeneratedProperty(name, sharded, list)));
                          }));
    }
    return generated;
  }

  private Map<String, EntityDefinition> entities(JsonNode root) {
    Map<String, EntityDefinition> entities = new LinkedHashMap<>();
    fields
        .object(root, "$", "entities", false)
        .ifPresent(
            object ->
                JsonFields.fields(object)
                    .forEach(
                        (token, node) -> {
                          String path = ErrorCollector.child("$.entities", token);
                          if (!node.isObject()) {
                            errors.add(path, "type", "entity must be an object");
                            return;
                          }
                          entity(token, node, path).ifPresent(e -> entities.put(token, e));
                        }));
    return entities;
  }

  private Optional<EntityDefinition> entity(String token, JsonNode node, String path) {
    fields.rejectUnknown(node, path, ENTITY_KEYS);
    Optional<String> unique = fields.string(node, path, "uniqueProperty", true);
    Optional<String> timestamp = fields.string(node, path, "timestampProperty", true);
    List<ShardBump> bumps = shardBumps(node, path);
    Optional<Set<String>> generated =
        fields.stringList(node, path, "generated", false).map(LinkedHashSet::new);
    Map<String, String> canonicalize = canonicalize(node, path);
    int defaultLimit =
        fields
            .integer(node, path, "defaultLimit", false, 1, Integer.MAX_VALUE)
            .orElse(10L)
            .intValue();
    int defaultPageSize =
        fields
            .integer(node, path, "defaultPageSize", false, 1, Integer.MAX_VALUE)
            .orElse(10L)
            .intValue();
    EntityModel model = models.parse(node, path);
    String plural = plural(token, node, path);
    if (unique.isEmpty() || timestamp.isEmpty() || bumps == null) {
      return Optional.empty();
    }
    return Optional.of(
        new EntityDefinition(
            token,
            unique.get(),
            timestamp.get(),
            bumps,
            generated.map(Set::copyOf),
            canonicalize,
            defaultLimit,
            defaultPageSize,
            model,
            plural));
  }

  /** The configured plural when valid, else the English default (an error is recorded). */
  private String plural(String token, JsonNode entity, String path) {
    Optional<String> configured = fields.string(entity, path, "plural", false);
    if (configured.isPresent() && !PLURAL.matcher(configured.get()).matches()) {
      errors.add(
          path + ".plural",
          "plural-name",
          "plural '"
              + configured.get()
              + "' must be a letter followed by letters or digits (it names routes and topics)");
    }
    return configured.orElse(EntityDefinition.defaultPlural(token));
  }

  /**
   * Sorted bumps with the implied unsharded bump at 0 prepended when missing. An empty list is
   * valid (Entity Manager 6.14 crashes on it) and means "never sharded".
   */
  private List<ShardBump> shardBumps(JsonNode entity, String path) {
    Optional<JsonNode> array = fields.array(entity, path, "shardBumps");
    List<ShardBump> bumps = new ArrayList<>();
    boolean ok = true;
    if (array.isPresent()) {
      String at = path + ".shardBumps";
      Set<Long> timestamps = new LinkedHashSet<>();
      for (int i = 0; i < array.get().size(); i++) {
        JsonNode bump = array.get().get(i);
        String bumpAt = ErrorCollector.index(at, i);
        if (!bump.isObject()) {
          errors.add(bumpAt, "type", "shard bump must be an object");
          ok = false;
          continue;
        }
        fields.rejectUnknown(bump, bumpAt, BUMP_KEYS);
        Optional<Long> timestamp =
            fields.integer(bump, bumpAt, "timestamp", true, 0, 9_007_199_254_740_991L);
        Optional<Long> charBits = fields.integer(bump, bumpAt, "charBits", true, 1, 5);
        Optional<Long> chars = fields.integer(bump, bumpAt, "chars", true, 0, 40);
        if (timestamp.isEmpty() || charBits.isEmpty() || chars.isEmpty()) {
          ok = false;
          continue;
        }
        if (!timestamps.add(timestamp.get())) {
          errors.add(
              bumpAt + ".timestamp", "unique", "two shard bumps at timestamp " + timestamp.get());
          ok = false;
        }
        bumps.add(
            new ShardBump(timestamp.get(), charBits.get().intValue(), chars.get().intValue()));
      }
      bumps.sort(Comparator.comparingLong(ShardBump::timestamp));
    }
    if (bumps.isEmpty() || bumps.get(0).timestamp() != 0) {
      bumps.add(0, ShardBump.UNSHARDED);
    }
    for (int i = 1; ok && i < bumps.size(); i++) {
      if (bumps.get(i).chars() <= bumps.get(i - 1).chars()) {
        errors.add(
            path + ".shardBumps",
            "increasing-chars",
            "shard bump chars must increase with "
                + "timestamp: "
                + bumps.get(i).chars()
                + " chars at "
                + bumps.get(i).timestamp()
                + " after "
                + bumps.get(i - 1).chars()
                + " at "
                + bumps.get(i - 1).timestamp());
        ok = false;
      }
    }
    for (ShardBump bump : bumps) {
      if (ok && bump.chars() > 0 && bump.shardCount() > 1_048_576) {
        errors.add(
            path + ".shardBumps",
            "shard-count",
            "a bump at "
                + bump.timestamp()
                + " makes "
                + bump.shardCount()
                + " shards; at most 1048576 can be queried");
        ok = false;
      }
    }
    return ok ? bumps : null;
  }

  private Map<String, String> canonicalize(JsonNode entity, String path) {
    Map<String, String> derived = new LinkedHashMap<>();
    fields
        .object(entity, path, "canonicalize", false)
        .ifPresent(
            object ->
                JsonFields.fields(object)
                    .forEach(
                        (target, source) -> {
                          if (!source.isTextual() || source.asText().isEmpty()) {
                            errors.add(
                                ErrorCollector.child(path + ".canonicalize", target),
                                "type",
                                "source property name must be a non-empty string");
                          } else {
                            derived.put(target, source.asText());
                          }
                        }));
    return derived;
  }

  private Map<String, IndexDefinition> indexes(JsonNode root) {
    Map<String, IndexDefinition> indexes = new LinkedHashMap<>();
    fields
        .object(root, "$", "indexes", false)
        .ifPresent(
            object ->
                JsonFields.fields(object)
                    .forEach(
                        (token, node) -> {
                          String path = ErrorCollector.child("$.indexes", token);
                          if (!node.isObject()) {
                            errors.add(path, "type", "index must be an object");
                            return;
                          }
                          fields.rejectUnknown(node, path, INDEX_KEYS);
                          Optional<String> hashKey = fields.string(node, path, "hashKey", true);
                          Optional<String> rangeKey = fields.string(node, path, "rangeKey", true);
                          Optional<List<String>> projections =
                              fields.stringList(node, path, "projections", false);
                          if (hashKey.isPresent() && rangeKey.isPresent()) {
                            indexes.put(
                                token,
                                new IndexDefinition(
                                    token,
                                    hashKey.get(),
                                    rangeKey.get(),
                                    projections.orElse(null)));
                          }
                        }));
    return indexes;
  }

  private static EntityConfig withVersion(EntityConfig config) {
    return new EntityConfig(
        config.hashKey(),
        config.rangeKey(),
        config.generatedKeyDelimiter(),
        config.generatedValueDelimiter(),
        config.shardKeyDelimiter(),
        config.entities(),
        config.generatedProperties(),
        config.indexes(),
        config.propertyTranscodes(),
        config.keyBindingProperty(),
        ConfigFingerprint.of(config));
  }
}
