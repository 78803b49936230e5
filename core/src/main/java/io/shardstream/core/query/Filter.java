package io.shardstream.core.query;

import java.util.Map;
import java.util.Objects;

/**
 * A condition on a plain item attribute, checked after reading (a DynamoDB reader may also push it
 * down as a FilterExpression; applying it twice is harmless). An item without the attribute fails.
 * Strings compare as UTF-8 bytes, numbers numerically; values of different kinds never match.
 */
public sealed interface Filter {

  String attribute();

  boolean matches(Map<String, ?> item);

  /** A typed, unambiguous text for fingerprints. */
  String canonical();

  record Equals(String attribute, Object value) implements Filter {
    public Equals {
      requireAttribute(attribute);
      Values.canonicalValue(Objects.requireNonNull(value, "filter value"));
    }

    @Override
    public boolean matches(Map<String, ?> item) {
      Integer comparison = Values.compareAttributes(item.get(attribute), value);
      return comparison != null && comparison == 0;
    }

    @Override
    public String canonical() {
      return "eq(" + Values.quote(attribute) + "," + Values.canonicalValue(value) + ")";
    }
  }

  /** Inclusive bounds; a null bound is open. */
  record Range(String attribute, Object from, Object to) implements Filter {
    public Range {
      requireAttribute(attribute);
      if (from == null && to == null) {
        throw new QueryException("range filter on '" + attribute + "' needs at least one bound");
      }
      if (from != null) {
        Values.canonicalValue(from);
      }
      if (to != null) {
        Values.canonicalValue(to);
      }
      if (from != null && to != null) {
        Integer order = Values.compareAttributes(from, to);
        if (order == null) {
          throw new QueryException(
              "range filter on '"
                  + attribute
                  + "' has bounds of different "
                  + "kinds: "
                  + from
                  + " and "
                  + to);
        }
        if (order > 0) {
          throw new QueryException("range filter on '" + attribute + "' starts after it ends");
        }
      }
    }

    @Override
    public boolean matches(Map<String, ?> item) {
      Object value = item.get(attribute);
      if (value == null) {
        return false;
      }
      if (from != null) {
        Integer c = Values.compareAttributes(value, from);
        if (c == null || c < 0) {
          return false;
        }
      }
      if (to != null) {
        Integer c = Values.compareAttributes(value, to);
        return c != null && c <= 0;
      }
      return true;
    }

    @Override
    public String canonical() {
      return "range("
          + Values.quote(attribute)
          + ","
          + (from == null ? "*" : Values.canonicalValue(from))
          + ","
          + (to == null ? "*" : Values.canonicalValue(to))
          + ")";
    }
  }

  private static void requireAttribute(String attribute) {
    if (attribute == null || attribute.isEmpty()) {
      throw new QueryException("a filter needs an attribute name");
    }
  }
}
