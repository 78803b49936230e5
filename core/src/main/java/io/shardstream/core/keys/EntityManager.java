package io.shardstream.core.keys;

import io.shardstream.core.canonical.Canonicalizer;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.config.GeneratedProperty;
import io.shardstream.core.config.ParentRelation;
import io.shardstream.core.config.ShardBump;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Generates and reads the keys of single-table items from an {@link EntityConfig}, following Entity
 * Manager's key format (byte for byte for string ids and timestamp/string elements) and fixing
 * where it is wrong. Thread-safe and free of I/O.
 *
 * <p>Items are maps of property name to value: {@link String}, {@link Number} or {@link Boolean}.
 *
 * <p>A co-located child ({@code "parent": {..., "colocated": true}}) lives in its parent's
 * partition: its hash key is the parent's, computed from the child's reference and parent timestamp
 * properties with the parent's shard bumps, and its range key is the parent's followed by the key
 * delimiter, the child's token, the value delimiter and its id ({@code id#p-1} and {@code
 * id#p-1,address#a-1}). So the parent with all its children is one Query ({@link #childRange}), and
 * a child's keys are computable from its own event, before its parent is seen.
 */
public final class EntityManager {
  /** Bumps with up to this many shards have their hash keys listed once, not built per item. */
  private static final int LISTED_SHARDS = 4096;

  /** What the builder of an item's generated keys starts with: room for most keys. */
  private static final int KEY_CAPACITY = 128;

  private final EntityConfig config;
  private final ElementCodec codec;
  private final GeneratedKeys generatedKeys;
  private final Map<String, KeyPlan> plans = new HashMap<>();

  /**
   * What {@code addKeys} does with each property of an item, by name: {@link #KEY} (dropped, a key
   * it computes afresh), a memo slot ({@link GeneratedKeys#slotFor}: a value it reads) or, for the
   * rest, {@link NameTable#ABSENT} (copied as it is).
   */
  private final NameTable propertyCodes;

  /** {@link #propertyCodes}' code of table keys and generated properties. */
  private static final int KEY = -1;

  /** By memo slot: whether a derived (canonical) property has it. */
  private final boolean[] derivedSlots;

  public EntityManager(EntityConfig config) {
    this.config = config;
    this.codec = new ElementCodec(config);
    this.generatedKeys = new GeneratedKeys(config, codec);
    List<GeneratedProperty> generatedInOrder = config.generatedPropertiesInOrder();
    config.entities().values().forEach(e -> plans.put(e.token(), new KeyPlan(e, generatedInOrder)));
    Map<String, Integer> codes = new HashMap<>(generatedKeys.slots());
    this.derivedSlots = new boolean[codes.size()];
    plans.values().forEach(plan -> plan.derivedSlots(derivedSlots));
    for (String key : config.generatedProperties().keySet()) {
      codes.put(key, KEY);
    }
    codes.put(config.hashKey(), KEY);
    codes.put(config.rangeKey(), KEY);
    this.propertyCodes = new NameTable(codes);
  }

  /**
   * What {@link #addKeys} does for one entity, worked out once: the derived properties, the unique
   * property's transcode and range key prefix, and the generated properties the entity carries
   * (with whether its config lists them). Every property it reads has a memo slot ({@link
   * GeneratedKeys#slotFor}), so that an item's values are picked up while it is copied.
   */
  private final class KeyPlan {
    final EntityDefinition entity;
    final String[] canonicalTargets;

    /** Memo slots of the canonical targets and of their sources. */
    final int[] targetSlots;

    final int[] sourceSlots;
    final int uniqueSlot;

    final boolean sharded;

    /** The timestamp property's memo slot; -1 when the entity is not sharded. */
    final int timestampSlot;

    /** For a co-located child: its parent relation; else null. */
    final ParentRelation colocatedIn;

    /** For a co-located child: the memo slots of its reference and its parent timestamp. */
    final int referenceSlot;

    final int parentTimestampSlot;

    /** For a co-located child: what follows the parent's range key ({@code ,address#}). */
    final String childInfix;

    final String rangeKeyPrefix;
    final String hashKeyPrefix;
    final GeneratedProperty[] generated;
    final boolean[] listed;

    /** Per bump, its hash keys by shard number when there are few enough to list; else null. */
    final String[][] hashKeysByBump;

    /** The properties an item gains at most: derived ones, the table keys, generated ones. */
    final int added;

    KeyPlan(EntityDefinition entity, List<GeneratedProperty> generatedInOrder) {
      this.entity = entity;
      this.canonicalTargets = entity.canonicalize().keySet().toArray(String[]::new);
      String[] sources = entity.canonicalize().values().toArray(String[]::new);
      this.targetSlots = new int[canonicalTargets.length];
      this.sourceSlots = new int[canonicalTargets.length];
      for (int i = 0; i < canonicalTargets.length; i++) {
        targetSlots[i] = generatedKeys.slotFor(canonicalTargets[i]);
        sourceSlots[i] = generatedKeys.slotFor(sources[i]);
      }
      this.uniqueSlot = generatedKeys.slotFor(entity.uniqueProperty());
      this.sharded = entity.isSharded();
      this.timestampSlot = sharded ? generatedKeys.slotFor(entity.timestampProperty()) : -1;
      this.colocatedIn = entity.model().parent().filter(ParentRelation::colocated).orElse(null);
      this.referenceSlot = colocatedIn == null ? -1 : generatedKeys.slotFor(colocatedIn.property());
      this.parentTimestampSlot =
          colocatedIn == null
              ? -1
              : colocatedIn.parentTimestampProperty().map(generatedKeys::slotFor).orElse(-1);
      this.childInfix =
          config.generatedKeyDelimiter() + entity.token() + config.generatedValueDelimiter();
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
      this.added = canonicalTargets.length + 2 + generated.length;
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

    void derivedSlots(boolean[] derived) {
      for (int slot : targetSlots) {
        derived[slot] = true;
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
    ItemMap keyed = new ItemMap(item.size() + plan.added);
    Object[] memo = generatedKeys.newMemo();
    boolean hasDerived = copy(item, keyed, memo, true);
    deriveCanonical(plan, keyed, memo, hasDerived);
    Object uniqueId = GeneratedKeys.recalled(memo, plan.uniqueSlot);
    PrimaryKey primaryKey =
        keyOf(
            plan,
            uniqueId,
            recalledOrNull(memo, plan.timestampSlot),
            recalledOrNull(memo, plan.referenceSlot),
            recalledOrNull(memo, plan.parentTimestampSlot));
    String hashKey = primaryKey.hashKey();
    keyed.append(config.hashKey(), hashKey);
    keyed.append(config.rangeKey(), primaryKey.rangeKey());
    StringBuilder key = new StringBuilder(KEY_CAPACITY);
    for (int i = 0; i < plan.generated.length; i++) {
      String value =
          generatedKeys.encodeOrNull(plan.generated[i], hashKey, keyed, plan.listed[i], memo, key);
      if (value != null) {
        keyed.append(plan.generated[i].name(), value);
      }
    }
    return keyed;
  }

  /** The item without its hash key, range key and generated properties. */
  public Map<String, Object> removeKeys(String entityToken, Map<String, ?> item) {
    entity(entityToken);
    return withoutKeys(item);
  }

  /**
   * The table key of an item: needs its unique property and, when sharded, its timestamp; a
   * co-located child's needs its parent reference and, when the parent is sharded, its parent
   * timestamp property.
   */
  public PrimaryKey primaryKey(String entityToken, Map<String, ?> item) {
    KeyPlan plan = plan(entityToken);
    return keyOf(
        plan,
        item.get(plan.entity.uniqueProperty()),
        plan.sharded ? item.get(plan.entity.timestampProperty()) : null,
        plan.colocatedIn == null ? null : item.get(plan.colocatedIn.property()),
        plan.colocatedIn == null
            ? null
            : plan.colocatedIn.parentTimestampProperty().map(item::get).orElse(null));
  }

  /**
   * Every table key an item with this unique id can have when its timestamp is unknown: one per
   * shard bump, duplicates removed, oldest bump first. Not for a co-located child: its key is in
   * its parent's partition, which its id alone does not tell.
   */
  public List<PrimaryKey> candidatePrimaryKeys(String entityToken, Object uniqueId) {
    KeyPlan plan = plan(entityToken);
    if (plan.colocatedIn != null) {
      throw new KeyException(
          plan.colocatedIn.property(),
          entityToken
              + " items live in their "
              + plan.colocatedIn.entity()
              + "'s partition, which an id alone does not tell: the key needs '"
              + plan.colocatedIn.property()
              + "' and '"
              + plan.colocatedIn.parentTimestampProperty().orElse("")
              + "' (primaryKey), or read it within the parent's partition (childPrefix)");
    }
    EntityDefinition entity = plan.entity;
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
    EntityDefinition entity = partitionOwner(plan(entityToken)).entity;
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
        String hashKey = entity.token() + config.shardKeyDelimiter() + ShardKey.format(shard, bump);
        space.add(tableHashKey ? hashKey : shardedValue(generated, item, hashKey));
      }
    }
    return space;
  }

  /** The derived properties an entity's config asks for, computed from their sources. */
  public Map<String, Object> deriveCanonical(String entityToken, Map<String, ?> item) {
    KeyPlan plan = plan(entityToken);
    ItemMap copy = new ItemMap(item.size() + plan.canonicalTargets.length);
    Object[] memo = generatedKeys.newMemo();
    copy(item, copy, memo, false);
    deriveCanonical(plan, copy, memo, true);
    return copy;
  }

  /**
   * Copies {@code item} into {@code copy} (without its keys when {@code withoutKeys}) and records
   * in {@code memo} every value a key is made of (the others marked missing), in one pass.
   *
   * @return whether the item holds a derived property already (as an item keyed before does)
   */
  private boolean copy(Map<String, ?> item, ItemMap copy, Object[] memo, boolean withoutKeys) {
    GeneratedKeys.markAllAbsent(memo);
    boolean hasDerived = false;
    for (Map.Entry<String, ?> entry : item.entrySet()) {
      String name = entry.getKey();
      int code = propertyCodes.get(name);
      if (code >= 0) {
        GeneratedKeys.remember(memo, code, entry.getValue());
        hasDerived |= derivedSlots[code];
      } else if (code == KEY && withoutKeys) {
        continue;
      }
      copy.append(name, entry.getValue());
    }
    return hasDerived;
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

  /**
   * Which entity an item of the table belongs to: the entity its hash key names ({@code
   * person!3a}), or, for an item in a parent's partition whose range key holds the key delimiter,
   * the co-located child whose token follows the last delimiter ({@code id#p-1,address#a-1}). Empty
   * when the keys name no entity of the configuration.
   */
  public Optional<EntityDefinition> entityOf(Map<String, ?> item) {
    if (!(item.get(config.hashKey()) instanceof String hashKey)) {
      return Optional.empty();
    }
    int shard = hashKey.indexOf(config.shardKeyDelimiter());
    Optional<EntityDefinition> owner =
        shard < 0 ? Optional.empty() : config.entity(hashKey.substring(0, shard));
    if (owner.isEmpty() || !(item.get(config.rangeKey()) instanceof String rangeKey)) {
      return owner;
    }
    int last = rangeKey.lastIndexOf(config.generatedKeyDelimiter());
    if (last < 0) {
      return owner;
    }
    String segment = rangeKey.substring(last + config.generatedKeyDelimiter().length());
    int value = segment.indexOf(config.generatedValueDelimiter());
    String token = value < 0 ? segment : segment.substring(0, value);
    String parent = owner.get().token();
    return config
        .entity(token)
        .filter(
            child ->
                child.model().colocated()
                    && child.model().parent().orElseThrow().entity().equals(parent));
  }

  /**
   * The range of a parent's partition that holds it and all its co-located children: one Query
   * ({@code hashKey = parent's AND rangeKey BETWEEN from AND to}), keeping the items {@link
   * ChildRange#contains} accepts.
   */
  public ChildRange childRange(String parentToken, Object parentId) {
    String parentRange = rangeKey(entity(parentToken), parentId);
    return new ChildRange(parentRange, parentRange + config.generatedKeyDelimiter());
  }

  /**
   * The range key prefix of a parent's co-located children of one kind ({@code id#p-1,address#}): a
   * {@code begins_with} Query in the parent's partition lists them.
   */
  public String childPrefix(String childToken, Object parentId) {
    KeyPlan plan = plan(childToken);
    if (plan.colocatedIn == null) {
      throw new KeyException(
          null, "'" + childToken + "' is not co-located in a parent's partition; it has no prefix");
    }
    return rangeKey(entity(plan.colocatedIn.entity()), parentId) + plan.childInfix;
  }

  /**
   * An item's key from its values: {@code timestamp} is read when the entity is sharded; a
   * co-located child's key is its parent's hash key (from {@code parentId} and {@code
   * parentTimestamp}) and the parent's range key extended by its own token and id.
   */
  private PrimaryKey keyOf(
      KeyPlan plan, Object uniqueId, Object timestamp, Object parentId, Object parentTimestamp) {
    EntityDefinition entity = plan.entity;
    if (uniqueId == null) {
      throw missingUniqueId(entity);
    }
    if (plan.colocatedIn == null) {
      String rangeKey = rangeKey(entity, uniqueId);
      return new PrimaryKey(hashKeyOf(plan, timestamp, uniqueId), rangeKey);
    }
    ParentRelation parent = plan.colocatedIn;
    KeyPlan parentPlan = plan(parent.entity());
    if (parentId == null) {
      throw new KeyException(
          parent.property(),
          "missing parent reference '"
              + parent.property()
              + "' ("
              + entity.token()
              + " items live in their "
              + parent.entity()
              + "'s partition)");
    }
    Object at = null;
    if (parentPlan.sharded) {
      String property = parent.parentTimestampProperty().orElseThrow();
      if (parentTimestamp == null) {
        throw new KeyException(
            property,
            "missing parent timestamp property '"
                + property
                + "' (the "
                + parent.entity()
                + "'s "
                + parentPlan.entity.timestampProperty()
                + ", needed to choose its partition)");
      }
      at = ElementCodec.timestamp(property, parentTimestamp);
    }
    String rangeKey =
        parentRangeKey(parentPlan.entity, parentId)
            + plan.childInfix
            + codec.encode(entity.uniqueProperty(), uniqueId);
    return new PrimaryKey(
        hashKeyOf(parentPlan, at, parentId), checkedRangeKey(entity.uniqueProperty(), rangeKey));
  }

  /** The partition an entity's items live in: its parent's for a co-located child, else its own. */
  private KeyPlan partitionOwner(KeyPlan plan) {
    return plan.colocatedIn == null ? plan : plan(plan.colocatedIn.entity());
  }

  private static Object recalledOrNull(Object[] memo, int slot) {
    return slot < 0 ? null : GeneratedKeys.recalled(memo, slot);
  }

  private static KeyException missingUniqueId(EntityDefinition entity) {
    return new KeyException(
        entity.uniqueProperty(), "missing unique property '" + entity.uniqueProperty() + "'");
  }

  /**
   * The item's table hash key: the bump in force at its {@code timestamp} (read only when the
   * entity is sharded), its shard within it.
   */
  private String hashKeyOf(KeyPlan plan, Object timestamp, Object uniqueId) {
    EntityDefinition entity = plan.entity;
    List<ShardBump> bumps = entity.shardBumps();
    int bumpIndex = 0;
    if (plan.sharded) {
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
    return checkedRangeKey(entity.uniqueProperty(), parentRangeKey(entity, uniqueId));
  }

  /** An entity's range key, unchecked for length: a child's extends it. */
  private String parentRangeKey(EntityDefinition entity, Object uniqueId) {
    return plan(entity.token()).rangeKeyPrefix + codec.encode(entity.uniqueProperty(), uniqueId);
  }

  private static String checkedRangeKey(String property, String rangeKey) {
    int bytes = Utf8.length(rangeKey, GeneratedKeys.MAX_RANGE_KEY_BYTES);
    if (bytes > GeneratedKeys.MAX_RANGE_KEY_BYTES) {
      throw new KeyException(
          KeyRule.TOO_LONG,
          property,
          "range key is "
              + bytes
              + " bytes; DynamoDB"
              + " allows "
              + GeneratedKeys.MAX_RANGE_KEY_BYTES);
    }
    return rangeKey;
  }

  /**
   * Derives the canonical properties from their sources' values in {@code memo}, into {@code item}
   * and the memo. With {@code mayHoldDerived} a derived property the item holds already is replaced
   * where it is; otherwise each is appended.
   */
  private static void deriveCanonical(
      KeyPlan plan, ItemMap item, Object[] memo, boolean mayHoldDerived) {
    for (int i = 0; i < plan.canonicalTargets.length; i++) {
      Object value = GeneratedKeys.recalled(memo, plan.sourceSlots[i]);
      if (value instanceof String s) {
        String canonical = Canonicalizer.canonicalize(s);
        if (mayHoldDerived) {
          item.put(plan.canonicalTargets[i], canonical);
        } else {
          item.append(plan.canonicalTargets[i], canonical);
        }
        GeneratedKeys.remember(memo, plan.targetSlots[i], canonical);
      } else if (value != null) {
        String source = plan.entity.canonicalize().get(plan.canonicalTargets[i]);
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
