package io.shardstream.core.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    entities = Map.copyOf(entities);
    generatedProperties = Map.copyOf(generatedProperties);
    indexes = Map.copyOf(indexes);
    propertyTranscodes = Map.copyOf(propertyTranscodes);
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
