package io.shardstream.core.keys;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.GeneratedProperty;
import io.shardstream.core.transcode.Transcode;
import io.shardstream.core.transcode.Transcodes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds and splits generated properties: {@code [hashKey|]element#value|element#value}.
 *
 * <p>Every value is encoded with its transcode (Entity Manager writes raw values, so its numeric
 * and boolean keys neither sort nor decode). A value may contain the value delimiter: splitting
 * happens at the first one after the element name, so it stays unambiguous.
 */
final class GeneratedKeys {
  /** DynamoDB's limits for key attributes, in UTF-8 bytes. */
  static final int MAX_HASH_KEY_BYTES = 2048;

  static final int MAX_RANGE_KEY_BYTES = 1024;

  private final EntityConfig config;
  private final ElementCodec codec;
  private final String keyDelimiter;
  private final String valueDelimiter;

  /** Each generated property's elements with their transcodes and name prefixes, resolved once. */
  private final Map<String, Elements> elementsByProperty = new HashMap<>();

  /** Every element name of every generated property, numbered: slots of {@link #newMemo()}. */
  private final Map<String, Integer> slots = new HashMap<>();

  /**
   * A property's elements, their {@code element#} prefixes, transcodes (null: has none) and memo
   * slots.
   */
  private record Elements(String[] names, String[] prefixes, Transcode[] transcodes, int[] slots) {}

  GeneratedKeys(EntityConfig config, ElementCodec codec) {
    this.config = config;
    this.codec = codec;
    this.keyDelimiter = config.generatedKeyDelimiter();
    this.valueDelimiter = config.generatedValueDelimiter();
    for (GeneratedProperty property : config.generatedProperties().values()) {
      List<String> elements = property.elements();
      String[] names = elements.toArray(String[]::new);
      String[] prefixes = new String[names.length];
      Transcode[] transcodes = new Transcode[names.length];
      int[] elementSlots = new int[names.length];
      for (int i = 0; i < names.length; i++) {
        prefixes[i] = names[i] + valueDelimiter;
        String transcode = config.propertyTranscodes().get(names[i]);
        transcodes[i] = transcode == null ? null : Transcodes.byName(transcode).orElse(null);
        elementSlots[i] = slots.computeIfAbsent(names[i], name -> slots.size());
      }
      elementsByProperty.put(
          property.name(), new Elements(names, prefixes, transcodes, elementSlots));
    }
  }

  /**
   * The property's value for {@code item}, or empty where it means nothing: a sharded property
   * needs every element (and the item's hash key); an unsharded one its first element, unless
   * {@code carriedExplicitly} (the entity's config lists it), when it is written even with empty
   * elements, as Entity Manager does.
   */
  Optional<String> encode(
      GeneratedProperty property, Map<String, ?> item, boolean carriedExplicitly) {
    Object hashKey = property.sharded() ? item.get(config.hashKey()) : null;
    return Optional.ofNullable(
        encodeOrNull(property, hashKey, item, carriedExplicitly, newMemo(), new StringBuilder()));
  }

  /** Marks an element looked up in the item and found missing, in a memo. */
  private static final Object ABSENT = new Object();

  /**
   * A place for one item's element values, raw and encoded (slot {@code n} and {@code slots + n}),
   * so that an element several properties hold (a name in two range keys, created in both) is
   * looked up and encoded once per item.
   */
  Object[] newMemo() {
    return new Object[2 * slots.size()];
  }

  /**
   * The memo slot of property {@code name}, numbered now when no generated property holds it (all
   * before the first {@link #newMemo()}: a memo has room for the slots numbered when it is made).
   */
  int slotFor(String name) {
    return slots.computeIfAbsent(name, n -> slots.size());
  }

  /** Every property with a slot ({@link #slotFor}) and its slot number. */
  Map<String, Integer> slots() {
    return Map.copyOf(slots);
  }

  /**
   * Marks every raw value of {@code memo} missing, for a caller that then {@link #remember}s every
   * value the item has: the memo then answers for every slot without looking in the item.
   */
  static void markAllAbsent(Object[] memo) {
    Arrays.fill(memo, 0, memo.length / 2, ABSENT);
  }

  /** Records in {@code memo} the raw value of the property in {@code slot} ({@link #slotFor}). */
  static void remember(Object[] memo, int slot, Object value) {
    if (slot >= 0) {
      memo[slot] = value == null ? ABSENT : value;
    }
  }

  /** The raw value {@link #remember}ed in {@code slot} of a memo {@link #markAllAbsent} began. */
  static Object recalled(Object[] memo, int slot) {
    Object value = memo[slot];
    return value == ABSENT ? null : value;
  }

  /**
   * {@link #encode}, null for empty: what {@code addKeys} calls for every item, with one {@code
   * memo} for all of the item's properties and the item's {@code hashKey} (used when sharded). Each
   * key is built in {@code key}, one builder for all of an item's keys: its buffer, reused while it
   * is still in the CPU's cache, costs less than a fresh one per key.
   */
  String encodeOrNull(
      GeneratedProperty property,
      Object hashKey,
      Map<String, ?> item,
      boolean carriedExplicitly,
      Object[] memo,
      StringBuilder key) {
    Elements elements = elementsByProperty.get(property.name());
    String[] names = elements.names();
    if (property.sharded()) {
      if (hashKey == null) {
        return null;
      }
      for (int i = 0; i < names.length; i++) {
        if (raw(elements, i, item, memo) == null) {
          return null;
        }
      }
    } else if (!carriedExplicitly && raw(elements, 0, item, memo) == null) {
      return null;
    }
    key.setLength(0);
    if (property.sharded()) {
      key.append(hashKey).append(keyDelimiter);
    }
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        key.append(keyDelimiter);
      }
      key.append(elements.prefixes()[i]);
      String value = encoded(elements, i, item, memo);
      if (value != null) {
        key.append(value);
      }
    }
    return checkLength(property, key.toString());
  }

  /**
   * A {@code begins_with} prefix for an unsharded property: the elements up to the first missing
   * one. With {@code lastIsPrefix} the last present value matches as a prefix ({@code ada} finds
   * {@code adam}); otherwise it must match whole. (Entity Manager writes every element, empty ones
   * too, and builds a prefix that never matches.)
   */
  String searchPrefix(GeneratedProperty property, Map<String, ?> values, boolean lastIsPrefix) {
    Elements elements = elementsByProperty.get(property.name());
    String[] names = elements.names();
    int present = 0;
    while (present < names.length && values.get(names[present]) != null) {
      present++;
    }
    if (present == 0) {
      return elements.prefixes()[0];
    }
    StringBuilder key = new StringBuilder();
    appendElements(key, elements, values, present);
    if (!lastIsPrefix && present < names.length) {
      key.append(keyDelimiter);
    }
    return key.toString();
  }

  Map<String, Object> decode(GeneratedProperty property, String encoded) {
    Map<String, Object> decoded = new LinkedHashMap<>();
    String rest = encoded;
    String keyDelimiter = config.generatedKeyDelimiter();
    if (property.sharded()) {
      int end = rest.indexOf(keyDelimiter);
      if (end < 0) {
        throw invalid(property, encoded, "no hash key segment");
      }
      decoded.put(config.hashKey(), rest.substring(0, end));
      rest = rest.substring(end + keyDelimiter.length());
    }
    String[] segments = rest.split(java.util.regex.Pattern.quote(keyDelimiter), -1);
    if (segments.length != property.elements().size()) {
      throw invalid(property, encoded, "expected " + property.elements().size() + " elements");
    }
    for (int i = 0; i < segments.length; i++) {
      String element = property.elements().get(i);
      String prefix = element + config.generatedValueDelimiter();
      if (!segments[i].startsWith(prefix)) {
        throw invalid(property, encoded, "element " + (i + 1) + " is not '" + element + "'");
      }
      String value = segments[i].substring(prefix.length());
      if (!value.isEmpty()) {
        decoded.put(element, codec.decode(element, value));
      }
    }
    return decoded;
  }

  private void appendElements(
      StringBuilder key, Elements elements, Map<String, ?> item, int count) {
    Object[] memo = newMemo();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        key.append(keyDelimiter);
      }
      key.append(elements.prefixes()[i]);
      String value = encoded(elements, i, item, memo);
      if (value != null) {
        key.append(value);
      }
    }
  }

  /** Element {@code i}'s value in {@code item} (memoized), or null when it has none. */
  private static Object raw(Elements elements, int i, Map<String, ?> item, Object[] memo) {
    int slot = elements.slots()[i];
    Object value = memo[slot];
    if (value == null) {
      value = item.get(elements.names()[i]);
      memo[slot] = value == null ? ABSENT : value;
    }
    return value == ABSENT ? null : value;
  }

  /** Element {@code i}'s encoded value in {@code item} (memoized), or null when it has none. */
  private String encoded(Elements elements, int i, Map<String, ?> item, Object[] memo) {
    int slot = memo.length / 2 + elements.slots()[i];
    String value = (String) memo[slot];
    if (value == null) {
      Object raw = raw(elements, i, item, memo);
      if (raw == null) {
        return null;
      }
      String name = elements.names()[i];
      Transcode transcode = elements.transcodes()[i];
      value = transcode == null ? codec.encode(name, raw) : codec.encode(name, transcode, raw);
      memo[slot] = value;
    }
    return value;
  }

  private static String checkLength(GeneratedProperty property, String key) {
    int limit = property.sharded() ? MAX_HASH_KEY_BYTES : MAX_RANGE_KEY_BYTES;
    int bytes = Utf8.length(key, limit);
    if (bytes > limit) {
      throw new KeyException(
          KeyRule.TOO_LONG,
          property.name(),
          "generated property '"
              + property.name()
              + "' is "
              + bytes
              + " bytes; DynamoDB allows "
              + limit
              + " for a "
              + (property.sharded() ? "hash" : "range")
              + " key");
    }
    return key;
  }

  private static KeyException invalid(GeneratedProperty property, String encoded, String why) {
    return new KeyException(
        property.name(), "cannot decode '" + encoded + "' as " + property.name() + ": " + why);
  }
}
