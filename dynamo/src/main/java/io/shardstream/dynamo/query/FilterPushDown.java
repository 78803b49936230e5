package io.shardstream.dynamo.query;

import io.shardstream.core.query.Filter;
import io.shardstream.dynamo.ItemMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The FilterExpression for a partition query's filters, so DynamoDB sends back only items that can
 * match (it still bills what it reads). The merger applies every filter again, so a filter left out
 * here costs bandwidth, never correctness: only filters whose DynamoDB meaning is exactly the
 * engine's are pushed down. Those are equality on a string, number or boolean and ranges over
 * strings (both compare UTF-8 bytes) or numbers (both numeric). A range over booleans is not:
 * DynamoDB cannot order BOOL values. Nor is a filter on a key attribute of the table or the index:
 * DynamoDB refuses those in a FilterExpression (the time window's filter on an index ranged by the
 * timestamp is one, and the key condition already does its work there).
 */
final class FilterPushDown {
  private FilterPushDown() {}

  /**
   * @param keyAttributes the table's and the index's key attributes, never filtered on
   */
  static Optional<String> expression(
      List<Filter> filters, Set<String> keyAttributes, Expressions expressions) {
    List<String> terms = new ArrayList<>();
    for (Filter filter : filters) {
      if (!keyAttributes.contains(filter.attribute())) {
        term(filter, expressions).ifPresent(terms::add);
      }
    }
    return terms.isEmpty() ? Optional.empty() : Optional.of(String.join(" AND ", terms));
  }

  private static Optional<String> term(Filter filter, Expressions expressions) {
    return switch (filter) {
      case Filter.Equals e when isScalar(e.value()) ->
          Optional.of(
              expressions.name(e.attribute()) + " = " + expressions.value(attribute(e.value())));
      case Filter.Range r when isOrdered(r.from()) && isOrdered(r.to()) ->
          Optional.of(range(r, expressions));
      default -> Optional.empty();
    };
  }

  private static String range(Filter.Range range, Expressions expressions) {
    String name = expressions.name(range.attribute());
    if (range.from() != null && range.to() != null) {
      return name
          + " BETWEEN "
          + expressions.value(attribute(range.from()))
          + " AND "
          + expressions.value(attribute(range.to()));
    }
    return range.from() != null
        ? name + " >= " + expressions.value(attribute(range.from()))
        : name + " <= " + expressions.value(attribute(range.to()));
  }

  private static boolean isScalar(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  /** A bound DynamoDB orders the engine's way; an open (null) bound is fine. */
  private static boolean isOrdered(Object bound) {
    return bound == null || bound instanceof String || bound instanceof Number;
  }

  private static AttributeValue attribute(Object value) {
    return ItemMapper.toAttribute(value);
  }
}
