package io.shardstream.core.query;

import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.keys.KeyException;
import io.shardstream.core.query.RangeCondition.Operator;
import io.shardstream.core.transcode.TranscodeException;
import io.shardstream.core.transcode.Transcodes;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Encodes a request's decoded range-key condition into stored values for one index. */
final class ConditionEncoder {
  /**
   * The greatest code point. Appended to a generated-key prefix it makes an upper bound above every
   * key that begins with the prefix (for keys made of ordinary text).
   */
  private static final String AFTER_PREFIX =
      new String(Character.toChars(Character.MAX_CODE_POINT));

  /** What kind of attribute an index's range key is, which decides how values are encoded. */
  enum RangeKeyKind {
    TABLE_RANGE_KEY,
    GENERATED,
    STRING_PROPERTY,
    NUMBER_PROPERTY
  }

  private final EntityManager manager;
  private final String entity;

  ConditionEncoder(EntityManager manager, String entity) {
    this.manager = manager;
    this.entity = entity;
  }

  KeyCondition encode(String index, RangeKeyKind kind, String attribute, RangeCondition condition) {
    return switch (condition) {
      case RangeCondition.Prefix p -> prefix(index, kind, attribute, p.value());
      case RangeCondition.Between b -> between(index, kind, attribute, b.lo(), b.hi());
      case RangeCondition.Comparison c ->
          comparison(index, kind, attribute, c.operator(), c.value());
    };
  }

  private KeyCondition prefix(String index, RangeKeyKind kind, String attribute, Object value) {
    return switch (kind) {
      case NUMBER_PROPERTY ->
          throw new QueryException(
              "index '"
                  + index
                  + "': a prefix condition"
                  + " needs a string range key, and '"
                  + attribute
                  + "' is a number");
      case GENERATED ->
          new KeyCondition.BeginsWith(KeyValue.s(generatedPrefix(index, attribute, value, true)));
      case STRING_PROPERTY -> new KeyCondition.BeginsWith(stored(index, kind, attribute, value));
      case TABLE_RANGE_KEY -> {
        String unique = manager.config().entity(entity).orElseThrow().uniqueProperty();
        if (!"string".equals(manager.config().propertyTranscodes().get(unique))
            || !(value instanceof String s)) {
          throw new QueryException(
              "index '"
                  + index
                  + "': a prefix on the table range key needs "
                  + "a string unique property and a string value");
        }
        yield new KeyCondition.BeginsWith(
            KeyValue.s(unique + manager.config().generatedValueDelimiter() + s));
      }
    };
  }

  private KeyCondition between(
      String index, RangeKeyKind kind, String attribute, Object lo, Object hi) {
    KeyValue low = bound(index, kind, attribute, lo, false);
    KeyValue high = bound(index, kind, attribute, hi, true);
    if (low.sortValue().compareTo(high.sortValue()) > 0) {
      throw new QueryException(
          "index '"
              + index
              + "': between condition's lower bound "
              + lo
              + " is above its upper bound "
              + hi);
    }
    return new KeyCondition.Between(low, high);
  }

  private KeyCondition comparison(
      String index, RangeKeyKind kind, String attribute, Operator operator, Object value) {
    if (kind != RangeKeyKind.GENERATED) {
      return new KeyCondition.Compare(operator, stored(index, kind, attribute, value));
    }
    if (operator == Operator.EQ) {
      // Equality over the elements given: the whole key when all are, else a whole-value prefix.
      String exact = generatedPrefix(index, attribute, value, false);
      boolean complete =
          elementsOf(attribute).stream()
              .allMatch(e -> asMap(index, attribute, value).get(e) != null);
      return complete
          ? new KeyCondition.Compare(Operator.EQ, KeyValue.s(exact))
          : new KeyCondition.BeginsWith(KeyValue.s(exact));
    }
    boolean upper = operator == Operator.LE || operator == Operator.GT;
    return new KeyCondition.Compare(operator, bound(index, kind, attribute, value, upper));
  }

  /** A bound; on a generated key an upper bound reaches past every key the prefix starts. */
  private KeyValue bound(
      String index, RangeKeyKind kind, String attribute, Object value, boolean upper) {
    if (kind != RangeKeyKind.GENERATED) {
      return stored(index, kind, attribute, value);
    }
    String prefix = generatedPrefix(index, attribute, value, true);
    return KeyValue.s(upper ? prefix + AFTER_PREFIX : prefix);
  }

  /** A natural value as the range key attribute stores it. */
  private KeyValue stored(String index, RangeKeyKind kind, String attribute, Object value) {
    switch (kind) {
      case TABLE_RANGE_KEY -> {
        try {
          return KeyValue.s(manager.candidatePrimaryKeys(entity, value).get(0).rangeKey());
        } catch (KeyException e) {
          throw new QueryException("index '" + index + "': " + e.getMessage(), e);
        }
      }
      case STRING_PROPERTY, NUMBER_PROPERTY -> {
        String transcode = manager.config().propertyTranscodes().get(attribute);
        try {
          Transcodes.require(transcode).encode(value);
        } catch (TranscodeException e) {
          throw new QueryException(
              "index '" + index + "', range key '" + attribute + "': " + e.getMessage(), e);
        }
        return kind == RangeKeyKind.STRING_PROPERTY
            ? KeyValue.s((String) value)
            : KeyValue.n(Values.decimal(value));
      }
      default -> throw new IllegalStateException("generated keys are encoded by prefix");
    }
  }

  private String generatedPrefix(
      String index, String attribute, Object value, boolean lastIsPrefix) {
    try {
      return manager.searchPrefix(attribute, asMap(index, attribute, value), lastIsPrefix);
    } catch (KeyException e) {
      throw new QueryException("index '" + index + "': " + e.getMessage(), e);
    }
  }

  private Map<String, ?> asMap(String index, String attribute, Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new QueryException(
          "index '"
              + index
              + "': range key '"
              + attribute
              + "' is generated"
              + " from "
              + elementsOf(attribute)
              + "; give the condition as a map of element values");
    }
    Set<String> elements = Set.copyOf(elementsOf(attribute));
    for (Object key : map.keySet()) {
      if (!elements.contains(key)) {
        throw new QueryException(
            "index '"
                + index
                + "': '"
                + key
                + "' is not an element of '"
                + attribute
                + "' (elements: "
                + elementsOf(attribute)
                + ")");
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> typed = (Map<String, ?>) map;
    return typed;
  }

  private List<String> elementsOf(String attribute) {
    return manager.config().generatedProperty(attribute).orElseThrow().elements();
  }
}
