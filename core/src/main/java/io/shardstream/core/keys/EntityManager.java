package io.shardstream.core.keys;

import io.shardstream.core.canonical.Canonicalizer;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.config.GeneratedProperty;
import io.shardstream.core.config.ShardBump;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates and reads the keys of single-table items from an {@link EntityConfig}, following Entity
 * Manager's key format (byte for byte for string ids and timestamp/string elements) and fixing
 * where it is wrong. Thread-safe and free of I/O.
 *
 * <p>Items are maps of property name to value: {@link String}, {@link Number} or {@link Boolean}.
 */
public final class EntityManager {
  /** Bumps with up to this many shards have their hash keys listed once, not built per item. */
  private static final int LISTED_SHARDS = 4096;

  private final EntityConfig config;
  private final ElementCodec codec;
  private final GeneratedKeys generatedKeys;
  private final Map<String, KeyPlan> plans = new HashMap<>();

  /**
   * The names {@link #withoutKeys} removes: table keys and generated properties (a HashSet, as
   * items may hold a null key).
   */
  private final HashSet<String> keyNames;

  /** The hash codes of {@link #keyNames}. */
  private final int[] keyNameHashes;

  public EntityManager(EntityConfig config) {
    this.config = config;
    this.codec = new ElementCodec(config);
    this.generatedKeys = new GeneratedKeys(config, codec);
    List<GeneratedProperty> generatedInOrder = config.generatedPropertiesInOrder();
    config.entities().values().forEach(e -> plans.put(e.token(), new KeyPlan(e, generatedInOrder)));
    this.keyNames = new HashSet<>(config.generatedProperties().keySet());
    keyNames.add(config.hashKey());
    keyNames.add(config.rangeKey());
    this.keyNameHashes = keyNames.stream().mapToInt(String::hashCode).toArray();
  }

  /**
   * What {@link #addKeys} does for one entity, worked out once: the derived properties, the unique
   * property's transcode and range key prefix, and the generated properties the entity carries
   * (with whether its config lists them).
   */
  private final class KeyPlan {
    final EntityDefinition entity;
    final String[] canonicalTargets;
    final String[] canonicalSources;

    /** Memo slots ({@link GeneratedKeys#slotOf}) of the canonical targets, the unique property. */
    final int[] canonicalSlots;

    final int uniqueSlot;
    final String rangeKeyPrefix;
    final String hashKeyPrefix;
    final GeneratedProperty[] generated;
    final boolean[] listed;

    /** Per bump, its hash keys by shard number when there are few enough to list; else null. */
    final String[][] hashKeysByBump;

    KeyPlan(EntityDefinition entity, List<GeneratedProperty> generatedInOrder) {
      this.entity = entity;
      this.canonicalTargets = entity.canonicalize().keySet().toArray(String[]::new);
      this.canonicalSources = entity.canonicalize().values().toArray(String[]::new);
      this.canonicalSlots = new int[canonicalTargets.length];
      for (int i = 0; i < canonicalTargets.length; i++) {
        canonicalSlots[i] = generatedKeys.slotOf(canonicalTargets[i]);
      }
      this.uniqueSlot = generatedKeys.slotOf(entity.uniqueProperty());
      this.rangeKeyPrefix = entity.uniqueProperty() + config.generatedValueDelimiter();
      this.hashKeyPrefix = entity.token() + config.shardKeyDelimiter();
      List<GeneratedProperty> carried = new ArrayList<>();
      List<Boolean> isListed = new ArrayList<>();
      for (GeneratedProperty property : generatedInOrder) {
        boolean named = entity.generated().map(g -> g.contains(property.name())).orElse(false);
        if (named || entity.generated().isEmpty()) {
          carried.add(property);
          isListed.add(named);
        }
      }
      this.generated = carried.toArray(GeneratedProperty[]::new);
      this.listed = new boolean[generated.length];
      for (int i = 0; i < listed.length; i++) {
        listed[i] = isListed.get(i);
      }
      List<ShardBump> bumps = entity.shardBumps();
      this.hashKeysByBump = new String[bumps.size()][];
      for (int i = 0; i < bumps.size(); i++) {
        ShardBump bump = bumps.get(i);
        if (bump.chars() > 0 && bump.shardCount() <= LISTED_SHARDS) {
          String[] keys = new String[(int) bump.shardCount()];
          for (int shard = 0; shard < keys.length; shard++) {
            keys[shard] = hashKeyPrefix + ShardKey.format(shard, bump);
          }
          hashKeysByBump[i] = keys;
        }
      }
    }
  }

  public EntityConfig config() {
    return config;
  }

  /**
   * The item with its derived (canonical) properties, hash key, range key and generated properties,
   * all computed afresh. A sharded generated property is written when all its elements are present;
   * an unsharded one when its first element is, later missing elements left empty (Entity Manager
   * writes them even when every element is missing, which costs a GSI write per item and pollutes
   * the index). An entity whose config lists its {@code generated} properties carries exactly
   * those, unsharded ones written even with empty elements (Entity Manager's rule, for entities
   * where every item belongs in the index).
   *
   * @throws KeyException naming the property when a key cannot be generated
   */
  public Map<String, Object> addKeys(String entityToken, Map<String, ?> item) {
    KeyPlan plan = plan(entityToken);
    // Room for what is added, so the map never grows while keys are put.
    Map<String, Object> keyed =
        LinkedHashMap.newLinkedHashMap(
            item.size() + plan.canonicalTargets.length + 2 + plan.generated.length);
    for (Map.Entry<String, ?> entry : item.entrySet()) {
      if (!isKeyName(entry.getKey())) {
        keyed.put(entry.getKey(), entry.getValue());
      }
    }
    Object[] memo = generatedKeys.newMemo();
    deriveCanonical(plan, keyed, memo);
    Object uniqueId = uniqueIdOf(plan.entity, keyed);
    GeneratedKeys.remember(memo, plan.uniqueSlot, uniqueId);
    String rangeKey = rangeKey(plan.entity, uniqueId);
    keyed.put(config.hashKey(), hashKeyOf(plan, keyed, uniqueId));
    keyed.put(config.rangeKey(), rangeKey);
    for (int i = 0; i < plan.generated.length; i++) {
      String value = generatedKeys.encodeOrNull(plan.generated[i], keyed, plan.listed[i], memo);
      if (value != null) {
        keyed.put(plan.generated[i].name(), value);
      }
    }
    return keyed;
  }

  /** The item without its hash key, range key and generated properties. */
  public Map<String, Object> removeKeys(String entityToken, Map<String, ?> item) {
    entity(entityToken);
    return withoutKeys(item);
  }

  /** The table key of an item: needs its unique property and, when sharded, its timestamp. */
  public PrimaryKey primaryKey(String entityToken, Map<String, ?> item) {
    EntityDefinition entity = entity(entityToken);
    return primaryKeyOf(entity, item);
  }

  /**
   * Every table key an item with this unique id can have when its timestamp is unknown: one per
   * shard bump, duplicates removed, oldest bump first.
   */
  public List<PrimaryKey> candidatePrimaryKeys(String entityToken, Object uniqueId) {
    EntityDefinition entity = entity(entityToken);
    String rangeKey = rangeKey(entity, uniqueId);
    Set<String> hashKeys = new LinkedHashSet<>();
    for (ShardBump bump : entity.shardBumps()) {
      hashKeys.add(hashKey(entity, uniqueId, bump));
    }
    return hashKeys.stream().map(h -> new PrimaryKey(h, rangeKey)).toList();
  }

  /** The elements (and, when sharded, the hash key) a generated property value holds, decoded. */
  public Map<String, Object> decodeGeneratedProperty(String property, String encoded) {
    return generatedKeys.decode(generatedProperty(property), encoded);
  }

  /**
   * A {@code begins_with} prefix on an unsharded generated property, built from the elements given
   * in {@code values} up to the first missing one.
   */
  public String searchPrefix(String property, Map<String, ?> values, boolean lastIsPrefix) {
    GeneratedProperty generated = generatedProperty(property);
    if (generated.sharded()) {
      throw new KeyException(
          property,
          "'"
              + property
              + "' is sharded; search prefixes are for "
              + "unsharded (range key) properties");
    }
    return generatedKeys.searchPrefix(generated, values, lastIsPrefix);
  }

  /**
   * Every hash key the entity's items created in [{@code from}, {@code to}] can have under {@code
   * hashKeyToken} (the table hash key, or a sharded generated property whose other elements {@code
   * item} supplies): every suffix of every bump in force during the window.
   */
  public List<String> hashKeySpace(
      String entityToken, String hashKeyToken, Map<String, ?> item, long from, long to) {
    EntityDefinition entity = entity(entityToken);
    boolean tableHashKey = hashKeyToken.equals(config.hashKey());
    GeneratedProperty generated = tableHashKey ? null : generatedProperty(hashKeyToken);
    if (generated != null && !generated.sharded()) {
      throw new KeyException(hashKeyToken, "'" + hashKeyToken + "' is not a hash key");
    }
    List<String> space = new ArrayList<>();
    List<ShardBump> bumps = entity.shardBumps();
    for (int i = 0; i < bumps.size(); i++) {
      ShardBump bump = bumps.get(i);
      boolean endsAfterFrom = i == bumps.size() - 1 || bumps.get(i + 1).timestamp() > from;
      if (!endsAfterFrom || bump.timestamp() > to) {
        continue;
      }
      for (long shard = 0; shard < bump.shardCount(); shard++) {
        String hashKey = entityToken + config.shardKeyDelimiter() + ShardKey.format(shard, bump);
        space.add(tableHashKey ? hashKey : shardedValue(generated, item, hashKey));
      }
    }
    return space;
  }

  /** The derived properties an entity's config asks for, computed from their sources. */
  public Map<String, Object> deriveCanonical(String entityToken, Map<String, ?> item) {
    KeyPlan plan = plan(entityToken);
    Map<String, Object> copy = new LinkedHashMap<>(item);
    deriveCanonical(plan, copy, null);
    return copy;
  }

  private String shardedValue(GeneratedProperty property, Map<String, ?> item, String hashKey) {
    Map<String, Object> withHashKey = new LinkedHashMap<>(item);
    withHashKey.put(config.hashKey(), hashKey);
    return generatedKeys
        .encode(property, withHashKey, false)
        .orElseThrow(
            () ->
                new KeyException(
                    property.name(),
                    "hash key space of '"
                        + property.name()
                        + "' needs values for "
                        + property.elements()));
  }

  private PrimaryKey primaryKeyOf(EntityDefinition entity, Map<String, ?> item) {
    Object uniqueId = uniqueIdOf(entity, item);
    String rangeKey = rangeKey(entity, uniqueId);
    return new PrimaryKey(hashKeyOf(plan(entity.token()), item, uniqueId), rangeKey);
  }

  private static Object uniqueIdOf(EntityDefinition entity, Map<String, ?> item) {
    Object uniqueId = item.get(entity.uniqueProperty());
    if (uniqueId == null) {
      throw new KeyException(
          entity.uniqueProperty(), "missing unique property '" + entity.uniqueProperty() + "'");
    }
    return uniqueId;
  }

  /** The item's table hash key: the bump in force at its timestamp, its shard within it. */
  private String hashKeyOf(KeyPlan plan, Map<String, ?> item, Object uniqueId) {
    EntityDefinition entity = plan.entity;
    List<ShardBump> bumps = entity.shardBumps();
    int bumpIndex = 0;
    if (entity.isSharded()) {
      Object timestamp = item.get(entity.timestampProperty());
      if (timestamp == null) {
        throw new KeyException(
            entity.timestampProperty(),
            "missing timestamp property '"
                + entity.timestampProperty()
                + "' (needed to choose the shard)");
      }
      long at = ElementCodec.timestamp(entity.timestampProperty(), timestamp);
      for (int i = 1; i < bumps.size(); i++) {
        if (bumps.get(i).timestamp() <= at) {
          bumpIndex = i;
        }
      }
    }
    ShardBump bump = bumps.get(bumpIndex);
    String[] listed = plan.hashKeysByBump[bumpIndex];
    if (listed == null) {
      return hashKey(entity, uniqueId, bump);
    }
    String hashInput = ElementCodec.hashInput(entity.uniqueProperty(), uniqueId);
    return listed[(int) (ShardKey.hash(hashInput) % listed.length)];
  }

  private String hashKey(EntityDefinition entity, Object uniqueId, ShardBump bump) {
    String suffix =
        bump.chars() == 0
            ? ""
            : ShardKey.suffix(ElementCodec.hashInput(entity.uniqueProperty(), uniqueId), bump);
    return entity.token() + config.shardKeyDelimiter() + suffix;
  }

  private String rangeKey(EntityDefinition entity, Object uniqueId) {
    String rangeKey =
        plan(entity.token()).rangeKeyPrefix + codec.encode(entity.uniqueProperty(), uniqueId);
    int bytes = Utf8.length(rangeKey, GeneratedKeys.MAX_RANGE_KEY_BYTES);
    if (bytes > GeneratedKeys.MAX_RANGE_KEY_BYTES) {
      throw new KeyException(
          KeyRule.TOO_LONG,
          entity.uniqueProperty(),
          "range key is "
              + bytes
              + " bytes; DynamoDB"
              + " allows "
              + GeneratedKeys.MAX_RANGE_KEY_BYTES);
    }
    return rangeKey;
  }

  /** Derives the canonical properties; with a {@code memo}, records them there as elements. */
  private static void deriveCanonical(KeyPlan plan, Map<String, Object> item, Object[] memo) {
    for (int i = 0; i < plan.canonicalTargets.length; i++) {
      String source = plan.canonicalSources[i];
      Object value = item.get(source);
      if (value instanceof String s) {
        String canonical = Canonicalizer.canonicalize(s);
        item.put(plan.canonicalTargets[i], canonical);
        if (memo != null) {
          GeneratedKeys.remember(memo, plan.canonicalSlots[i], canonical);
        }
      } else if (value != null) {
        throw new KeyException(
            source,
            "property '"
                + source
                + "' must be a string to derive '"
                + plan.canonicalTargets[i]
                + "'");
      }
    }
  }

  private Map<String, Object> withoutKeys(Map<String, ?> item) {
    Map<String, Object> copy = new LinkedHashMap<>(item);
    copy.remove(config.hashKey());
    copy.remove(config.rangeKey());
    config.generatedProperties().keySet().forEach(copy::remove);
    return copy;
  }

  /** Whether {@code name} is a key's; most are not, which the names' hash codes tell at once. */
  private boolean isKeyName(String name) {
    if (name == null) {
      return false;
    }
    int hash = name.hashCode();
    for (int keyHash : keyNameHashes) {
      if (keyHash == hash) {
        return keyNames.contains(name);
      }
    }
    return false;
  }

  private KeyPlan plan(String token) {
    KeyPlan plan = plans.get(token);
    if (plan == null) {
      entity(token); // throws, naming the known entities
    }
    return plan;
  }

  private EntityDefinition entity(String token) {
    return config
        .entity(token)
        .orElseThrow(
            () ->
                new KeyException(
                    null,
                    "unknown entity '"
                        + token
                        + "' (known: "
                        + String.join(", ", config.entities().keySet().stream().sorted().toList())
                        + ")"));
  }

  private GeneratedProperty generatedProperty(String name) {
    return config
        .generatedProperty(name)
        .orElseThrow(() -> new KeyException(name, "unknown generated property '" + name + "'"));
  }
}
