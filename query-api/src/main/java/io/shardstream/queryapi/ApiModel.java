package io.shardstream.queryapi;

import io.shardstream.core.config.AttributeType;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.config.GeneratedProperty;
import io.shardstream.core.config.IndexDefinition;
import io.shardstream.core.config.ParentRelation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The entities the API serves and how, all derived from the entity configuration: nothing here
 * names an entity or a property.
 *
 * <p>An entity's searches ({@link SearchFamily}) are the indexes whose hash key is the table hash
 * key or a sharded generated property whose elements the entity carries (but not its own unique
 * property: such a partition holds one item, a lookup, not a search) and whose range key the entity
 * carries (a property, or a generated property whose elements it carries); indexes with the same
 * range key form one family. A co-located child is listed only under its parent.
 */
final class ApiModel {
  private static final String TIMESTAMP_TRANSCODE = "timestamp";
  private static final String STRING_TRANSCODE = "string";

  private final EntityConfig config;
  private final Map<String, ApiEntity> byPlural;
  private final Map<String, ApiEntity> byToken;
  private final Optional<String> bindingProperty;

  private ApiModel(EntityConfig config) {
    this.config = config;
    Map<String, ApiEntity> plurals = new TreeMap<>();
    Map<String, ApiEntity> tokens = new TreeMap<>();
    for (EntityDefinition entity : sorted(config)) {
      ApiEntity api = entity(config, entity);
      if (plurals.put(api.plural(), api) != null) {
        throw new IllegalStateException(
            "two entities are served at /v1/" + api.plural() + ": give one a \"plural\"");
      }
      tokens.put(entity.token(), api);
    }
    this.byPlural = plurals;
    this.byToken = tokens;
    this.bindingProperty = config.keyBindingProperty();
  }

  static ApiModel of(EntityConfig config) {
    return new ApiModel(config);
  }

  EntityConfig config() {
    return config;
  }

  /** Every entity, by plural. */
  Map<String, ApiEntity> entities() {
    return byPlural;
  }

  Optional<ApiEntity> byPlural(String plural) {
    return Optional.ofNullable(byPlural.get(plural));
  }

  ApiEntity byToken(String token) {
    ApiEntity entity = byToken.get(token);
    if (entity == null) {
      throw new IllegalArgumentException("no entity " + token);
    }
    return entity;
  }

  /** The property a key binding compares with (the config's {@code keyBinding}), if any. */
  Optional<String> bindingProperty() {
    return bindingProperty;
  }

  private static List<EntityDefinition> sorted(EntityConfig config) {
    return config.entities().values().stream()
        .sorted(Comparator.comparing(EntityDefinition::token))
        .toList();
  }

  private static ApiEntity entity(EntityConfig config, EntityDefinition entity) {
    ApiEntity bare = new ApiEntity(entity, entity.plural(), List.of(), List.of(), List.of());
    List<SearchFamily> families = entity.model().colocated() ? List.of() : families(config, bare);
    List<ApiEntity.Child> colocated = new ArrayList<>();
    List<ApiEntity.Child> indexed = new ArrayList<>();
    for (EntityDefinition other : sorted(config)) {
      Optional<ParentRelation> parent = other.model().parent();
      if (parent.isPresent() && parent.get().entity().equals(entity.token())) {
        ApiEntity.Child child =
            new ApiEntity.Child(other.token(), other.plural(), parent.get().property());
        (parent.get().colocated() ? colocated : indexed).add(child);
      }
    }
    return new ApiEntity(entity, bare.plural(), families, colocated, indexed);
  }

  private static List<SearchFamily> families(EntityConfig config, ApiEntity entity) {
    Map<String, Map<Set<String>, String>> byRangeKey = new TreeMap<>();
    List<IndexDefinition> indexes =
        config.indexes().values().stream()
            .sorted(Comparator.comparing(IndexDefinition::token))
            .toList();
    for (IndexDefinition index : indexes) {
      Optional<Set<String>> scope = scope(config, entity, index.hashKey());
      if (scope.isPresent() && carriesRangeKey(config, entity, index.rangeKey())) {
        byRangeKey
            .computeIfAbsent(index.rangeKey(), k -> new LinkedHashMap<>())
            .putIfAbsent(scope.get(), index.token());
      }
    }
    List<SearchFamily> families = new ArrayList<>();
    byRangeKey.forEach(
        (rangeKey, byScope) -> {
          String name = byScope.getOrDefault(Set.of(), byScope.values().iterator().next());
          Optional<GeneratedProperty> generated = config.generatedProperty(rangeKey);
          SearchFamily.Kind kind = kind(config, entity, rangeKey, generated);
          families.add(
              new SearchFamily(
                  name,
                  rangeKey,
                  kind,
                  byScope,
                  kind == SearchFamily.Kind.NAME ? generated.get().elements() : List.of()));
        });
    families.sort(Comparator.comparing(SearchFamily::name));
    return families;
  }

  /** The properties an index's hash key needs besides the shard; empty: not this entity's. */
  private static Optional<Set<String>> scope(
      EntityConfig config, ApiEntity entity, String hashKey) {
    if (hashKey.equals(config.hashKey())) {
      return Optional.of(Set.of());
    }
    Optional<GeneratedProperty> generated = config.generatedProperty(hashKey);
    if (generated.isEmpty()
        || !generated.get().sharded()
        || generated.get().elements().contains(entity.idProperty())
        || !generated.get().elements().stream().allMatch(entity::carries)) {
      return Optional.empty();
    }
    return Optional.of(new LinkedHashSet<>(generated.get().elements()));
  }

  private static boolean carriesRangeKey(EntityConfig config, ApiEntity entity, String rangeKey) {
    return config
        .generatedProperty(rangeKey)
        .map(g -> !g.sharded() && g.elements().stream().allMatch(entity::carries))
        .orElseGet(() -> entity.carries(rangeKey));
  }

  private static SearchFamily.Kind kind(
      EntityConfig config,
      ApiEntity entity,
      String rangeKey,
      Optional<GeneratedProperty> generated) {
    if (generated.isPresent()) {
      boolean canonical =
          entity.definition().canonicalize().containsKey(generated.get().elements().get(0));
      return canonical ? SearchFamily.Kind.NAME : SearchFamily.Kind.ORDER_ONLY;
    }
    if (rangeKey.equals(entity.definition().timestampProperty())) {
      return SearchFamily.Kind.WINDOW;
    }
    Optional<AttributeType> type =
        entity.definition().model().attribute(rangeKey).map(a -> a.type());
    String transcode = config.propertyTranscodes().get(rangeKey);
    if (type.map(t -> t == AttributeType.TIMESTAMP).orElse(TIMESTAMP_TRANSCODE.equals(transcode))) {
      return SearchFamily.Kind.TIMESTAMP;
    }
    if (type.map(t -> t == AttributeType.STRING || t == AttributeType.DATE)
        .orElse(transcode == null || STRING_TRANSCODE.equals(transcode))) {
      return SearchFamily.Kind.PREFIX;
    }
    return SearchFamily.Kind.ORDER_ONLY;
  }
}
