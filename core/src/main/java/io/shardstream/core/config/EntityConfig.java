package io.shardstream.core.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A validated entity configuration (Entity Manager's model). Build it with {@link ConfigLoader}.
 *
 * @param keyBindingProperty the attribute an API key can be bound to (config {@code "keyBinding":
 *     {"property": …}}): a key bound to value v sees only instances whose property is v, and the
 *     children of those
 * @param version a short fingerprint of the configuration's content; cursors and replays bind to it
 *     so a cursor issued under one configuration is refused under another
 */
public record EntityConfig(
    String hashKey,
    String rangeKey,
    String generatedKeyDelimiter,
    String generatedValueDelimiter,
    String shardKeyDelimiter,
    Map<String, EntityDefinition> entities,
    Map<String, GeneratedProperty> generatedProperties,
    Map<String, IndexDefinition> indexes,
    Map<String, String> propertyTranscodes,
    Optional<String> keyBindingProperty,
    String version) {

  public EntityConfig {
    // Sorted by name: every process iterates them in the same order, which Kafka Streams needs
    // (instances of one application must build identical topologies, and Map.copyOf's order
    // differs from JVM to JVM).
    entities = sorted(entities);
    generatedProperties = sorted(generatedProperties);
    indexes = sorted(indexes);
    propertyTranscodes = sorted(propertyTranscodes);
  }

  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }

  public Optional<EntityDefinition> entity(String token) {
    return Optional.ofNullable(entities.get(token));
  }

  public Optional<GeneratedProperty> generatedProperty(String name) {
    return Optional.ofNullable(generatedProperties.get(name));
  }

  public Optional<IndexDefinition> index(String token) {
    return Optional.ofNullable(indexes.get(token));
  }

  /** Generated properties in a stable order (by name), as Entity Manager iterates them. */
  public List<GeneratedProperty> generatedPropertiesInOrder() {
    return generatedProperties.values().stream()
        .sorted(java.util.Comparator.comparing(GeneratedProperty::name))
        .toList();
  }
}
