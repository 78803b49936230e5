package io.shardstream.core.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Rules that relate parts of a configuration to each other (Entity Manager's, plus ours). */
final class ConfigRules {
  private static final Set<String> TIMESTAMP_TRANSCODES = Set.of("timestamp", "int");

  private final ErrorCollector errors;
  private final EntityConfig config;
  private final Set<String> transcoded;
  private final Set<String> sharded;
  private final Set<String> unsharded;

  ConfigRules(ErrorCollector errors, EntityConfig config) {
    this.errors = errors;
    this.config = config;
    this.transcoded = config.propertyTranscodes().keySet();
    this.sharded = names(true);
    this.unsharded = names(false);
  }

  void check() {
    keysExclusive();
    generatedElementsTranscoded();
    indexesValid();
    entitiesValid();
    pluralsDistinct();
    namesFreeOfDelimiters();
    new ModelRules(errors, config).check();
  }

  private Set<String> names(boolean shardedKind) {
    return config.generatedProperties().values().stream()
        .filter(p -> p.sharded() == shardedKind)
        .map(GeneratedProperty::name)
        .collect(Collectors.toSet());
  }

  /** The table keys, generated properties and transcoded properties are distinct names. */
  private void keysExclusive() {
    exclusive(
        "$.hashKey",
        "hashKey",
        Set.of(nonNull(config.hashKey())),
        union(Set.of(nonNull(config.rangeKey())), sharded, unsharded, transcoded));
    exclusive(
        "$.rangeKey",
        "rangeKey",
        Set.of(nonNull(config.rangeKey())),
        union(sharded, unsharded, transcoded));
    exclusive(
        "$.generatedProperties.sharded",
        "sharded generated property",
        sharded,
        union(unsharded, transcoded));
    exclusive(
        "$.generatedProperties.unsharded", "unsharded generated property", unsharded, transcoded);
  }

  private void exclusive(String path, String label, Set<String> names, Set<String> others) {
    List<String> clash = names.stream().filter(others::contains).sorted().toList();
    if (!clash.isEmpty()) {
      errors.add(
          path, "key-collision", label + " name also used elsewhere: " + String.join(", ", clash));
    }
  }

  private void generatedElementsTranscoded() {
    for (GeneratedProperty property : config.generatedPropertiesInOrder()) {
      String path = ErrorCollector.generatedProperty(property);
      List<String> elements = property.elements();
      for (int i = 0; i < elements.size(); i++) {
        if (!transcoded.contains(elements.get(i))) {
          errors.add(
              ErrorCollector.index(path, i),
              "transcoded",
              "element '" + elements.get(i) + "' has no entry in propertyTranscodes");
        }
      }
    }
  }

  private void indexesValid() {
    Map<String, String> seen = new HashMap<>();
    config.indexes().values().stream()
        .sorted((a, b) -> a.token().compareTo(b.token()))
        .forEach(
            index -> {
              String path = ErrorCollector.child("$.indexes", index.token());
              if (!index.hashKey().equals(config.hashKey()) && !sharded.contains(index.hashKey())) {
                errors.add(
                    path + ".hashKey",
                    "index-hash-key",
                    "'"
                        + index.hashKey()
                        + "' is neither the table hashKey nor a sharded generated property");
              }
              if (!index.rangeKey().equals(config.rangeKey())
                  && !unsharded.contains(index.rangeKey())
                  && !transcoded.contains(index.rangeKey())) {
                errors.add(
                    path + ".rangeKey",
                    "index-range-key",
                    "'"
                        + index.rangeKey()
                        + "' is neither the table rangeKey, an unsharded generated property nor a "
                        + "transcoded property");
              }
              String pair = index.hashKey() + " / " + index.rangeKey();
              String twin = seen.putIfAbsent(pair, index.token());
              if (twin != null) {
                errors.add(
                    path, "unique-index", "same hashKey and rangeKey as index '" + twin + "'");
              }
              projectionsNotKeys(index, path);
            });
  }

  private void projectionsNotKeys(IndexDefinition index, String path) {
    if (index.projections() == null) {
      return;
    }
    Set<String> keys =
        union(
            Set.of(nonNull(config.hashKey())),
            Set.of(nonNull(config.rangeKey())),
            Set.of(index.hashKey()),
            Set.of(index.rangeKey()),
            sharded,
            unsharded);
    for (String projection : index.projections()) {
      if (keys.contains(projection)) {
        errors.add(
            path + ".projections",
            "projection-is-key",
            "projection '" + projection + "' is a key (keys are always projected)");
      }
    }
  }

  /**
   * Plurals name routes, topics and setting keys (whose environment variables are upper case), so
   * two entities may not share one, whatever the case.
   */
  private void pluralsDistinct() {
    Map<String, String> owners = new HashMap<>();
    config.entities().values().stream()
        .sorted((a, b) -> a.token().compareTo(b.token()))
        .forEach(
            entity -> {
              String other =
                  owners.putIfAbsent(entity.plural().toLowerCase(Locale.ROOT), entity.token());
              if (other != null) {
                errors.add(
                    ErrorCollector.child("$.entities", entity.token()) + ".plural",
                    "unique-plural",
                    "plural '"
                        + entity.plural()
                        + "' is also "
                        + other
                        + "'s; give one of them another \"plural\"");
              }
            });
  }

  private void entitiesValid() {
    config.entities().values().stream()
        .sorted((a, b) -> a.token().compareTo(b.token()))
        .forEach(
            entity -> {
              String path = ErrorCollector.child("$.entities", entity.token());
              if (!transcoded.contains(entity.uniqueProperty())) {
                errors.add(
                    path + ".uniqueProperty",
                    "transcoded",
                    "'" + entity.uniqueProperty() + "' has no entry in propertyTranscodes");
              }
              String timestampTranscode =
                  config.propertyTranscodes().get(entity.timestampProperty());
              if (timestampTranscode == null) {
                errors.add(
                    path + ".timestampProperty",
                    "transcoded",
                    "'" + entity.timestampProperty() + "' has no entry in propertyTranscodes");
              } else if (!TIMESTAMP_TRANSCODES.contains(timestampTranscode)) {
                errors.add(
                    path + ".timestampProperty",
                    "timestamp-transcode",
                    "'"
                        + entity.timestampProperty()
                        + "' must use the timestamp or int transcode, not "
                        + timestampTranscode);
              }
              entity
                  .generated()
                  .ifPresent(
                      names ->
                          names.stream()
                              .sorted()
                              .filter(name -> !config.generatedProperties().containsKey(name))
                              .forEach(
                                  name ->
                                      errors.add(
                                          path + ".generated",
                                          "generated-property",
                                          "'" + name + "' is not a generated property")));
              entity.canonicalize().keySet().stream()
                  .sorted()
                  .filter(
                      target ->
                          Objects.equals(target, config.hashKey())
                              || Objects.equals(target, config.rangeKey())
                              || config.generatedProperties().containsKey(target))
                  .forEach(
                      target ->
                          errors.add(
                              ErrorCollector.child(path + ".canonicalize", target),
                              "key-collision",
                              "'" + target + "' is a key and cannot be derived"));
            });
  }

  /**
   * Entity tokens and the names inside generated keys must not contain a delimiter, or a key could
   * not be split back into its parts.
   */
  private void namesFreeOfDelimiters() {
    List<String> delimiters =
        Stream.of(
                config.generatedKeyDelimiter(),
                config.generatedValueDelimiter(),
                config.shardKeyDelimiter())
            .filter(Objects::nonNull)
            .toList();
    for (String token : sortedCopy(config.entities().keySet())) {
      checkName(ErrorCollector.child("$.entities", token), "entity token", token, delimiters);
    }
    for (GeneratedProperty property : config.generatedPropertiesInOrder()) {
      for (String element : property.elements()) {
        checkName(ErrorCollector.generatedProperty(property), "element", element, delimiters);
      }
    }
    for (var entity : config.entities().values()) {
      checkName(
          ErrorCollector.child("$.entities", entity.token()) + ".uniqueProperty",
          "uniqueProperty",
          entity.uniqueProperty(),
          delimiters);
    }
  }

  private void checkName(String path, String label, String name, List<String> delimiters) {
    for (String delimiter : delimiters) {
      if (name.contains(delimiter)) {
        errors.add(
            path,
            "no-delimiter",
            label + " '" + name + "' contains the delimiter '" + delimiter + "'");
      }
    }
  }

  private static List<String> sortedCopy(Set<String> names) {
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(null);
    return sorted;
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toSet());
  }
}
