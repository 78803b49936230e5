package io.shardstream.core.keys;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.GeneratedProperty;
import java.nio.charset.StandardCharsets;
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

  GeneratedKeys(EntityConfig config, ElementCodec codec) {
    this.config = config;
    this.codec = codec;
  }

  /**
   * The property's value for {@code item}, or empty where it means nothing: a sharded property
   * needs every element (and the item's hash key); an unsharded one its first element, unless
   * {@code carriedExplicitly} (the entity's config lists it), when it is written even with empty
   * elements, as Entity Manager does.
   */
  Optional<String> encode(
      GeneratedProperty property, Map<String, ?> item, boolean carriedExplicitly) {
    List<String> elements = property.elements();
    if (property.sharded()) {
      if (elements.stream().anyMatch(e -> item.get(e) == null)
          || item.get(config.hashKey()) == null) {
        return Optional.empty();
      }
    } else if (!carriedExplicitly && item.get(elements.get(0)) == null) {
      return Optional.empty();
    }
    StringBuilder key = new StringBuilder();
    if (property.sharded()) {
      key.append(item.get(config.hashKey())).append(config.generatedKeyDelimiter());
    }
    appendElements(key, elements, item, elements.size());
    return Optional.of(checkLength(property, key.toString()));
  }

  /**
   * A {@code begins_with} prefix for an unsharded property: the elements up to the first missing
   * one. With {@code lastIsPrefix} the last present value matches as a prefix ({@code ada} finds
   * {@code adam}); otherwise it must match whole. (Entity Manager writes every element, empty ones
   * too, and builds a prefix that never matches.)
   */
  String searchPrefix(GeneratedProperty property, Map<String, ?> values, boolean lastIsPrefix) {
    List<String> elements = property.elements();
    int present = 0;
    while (present < elements.size() && values.get(elements.get(present)) != null) {
      present++;
    }
    StringBuilder key = new StringBuilder();
    if (present == 0) {
      return key.append(elements.get(0)).append(config.generatedValueDelimiter()).toString();
    }
    appendElements(key, elements, values, present);
    if (!lastIsPrefix && present < elements.size()) {
      key.append(config.generatedKeyDelimiter());
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
      StringBuilder key, List<String> elements, Map<String, ?> item, int count) {
    for (int i = 0; i < count; i++) {
      String element = elements.get(i);
      if (i > 0) {
        key.append(config.generatedKeyDelimiter());
      }
      key.append(element).append(config.generatedValueDelimiter());
      Object value = item.get(element);
      if (value != null) {
        key.append(codec.encode(element, value));
      }
    }
  }

  private static String checkLength(GeneratedProperty property, String key) {
    int limit = property.sharded() ? MAX_HASH_KEY_BYTES : MAX_RANGE_KEY_BYTES;
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > limit) {
      throw new KeyException(
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
