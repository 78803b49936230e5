package io.shardstream.core.query;

import java.util.Objects;

/**
 * A search's condition on one index's range key, in decoded values; the planner encodes it.
 *
 * <p>Values are the property's natural value (a string for {@code phone}, epoch millis for {@code
 * created}; the unique id for the table range key) or, for a generated range key such as {@code
 * firstNameRangeKey}, a map of element values ({@code {firstNameCanonical: "ada"}}) that stops at
 * the first missing element. Bounds on a generated range key match by prefix: an upper bound (LE,
 * Between's hi) takes in every key beginning with it, GT excludes them all.
 */
public sealed interface RangeCondition {

  /** {@code begins_with}; S range keys only. */
  record Prefix(Object value) implements RangeCondition {
    public Prefix {
      Objects.requireNonNull(value, "prefix value");
    }
  }

  /** Inclusive at both ends, {@code lo <= hi}. */
  record Between(Object lo, Object hi) implements RangeCondition {
    public Between {
      Objects.requireNonNull(lo, "lower bound");
      Objects.requireNonNull(hi, "upper bound");
    }
  }

  record Comparison(Operator operator, Object value) implements RangeCondition {
    public Comparison {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "comparison value");
    }
  }

  /** DynamoDB's key comparison operators. */
  enum Operator {
    EQ("="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written in a KeyConditionExpression. */
    public String symbol() {
      return symbol;
    }

    boolean accepts(int comparison) {
      return switch (this) {
        case EQ -> comparison == 0;
        case LT -> comparison < 0;
        case LE -> comparison <= 0;
        case GT -> comparison > 0;
        case GE -> comparison >= 0;
      };
    }
  }
}
