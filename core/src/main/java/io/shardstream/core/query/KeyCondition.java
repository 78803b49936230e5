package io.shardstream.core.query;

import io.shardstream.core.query.RangeCondition.Operator;
import java.util.Objects;

/**
 * A range-key condition in stored (encoded) values, ready for a KeyConditionExpression: {@code
 * begins_with(rk, :v)}, {@code rk BETWEEN :lo AND :hi}, {@code rk <op> :v}, or none. Values are
 * {@link KeyValue}s of the index's range key type.
 */
public sealed interface KeyCondition {

  /** Whether a stored range key attribute meets the condition, as DynamoDB would decide. */
  boolean matches(KeyValue attribute);

  String canonical();

  /** No condition on the range key: the whole partition. */
  record All() implements KeyCondition {
    @Override
    public boolean matches(KeyValue attribute) {
      return true;
    }

    @Override
    public String canonical() {
      return "all";
    }
  }

  record BeginsWith(KeyValue prefix) implements KeyCondition {
    public BeginsWith {
      if (prefix.type() != KeyType.S) {
        throw new IllegalArgumentException("begins_with needs an S value");
      }
    }

    @Override
    public boolean matches(KeyValue attribute) {
      return attribute.type() == KeyType.S && attribute.text().startsWith(prefix.text());
    }

    @Override
    public String canonical() {
      return "begins_with(" + render(prefix) + ")";
    }
  }

  record Between(KeyValue lo, KeyValue hi) implements KeyCondition {
    public Between {
      if (lo.type() != hi.type()) {
        throw new IllegalArgumentException("BETWEEN bounds of different types");
      }
    }

    @Override
    public boolean matches(KeyValue attribute) {
      return attribute.type() == lo.type()
          && compare(attribute, lo) >= 0
          && compare(attribute, hi) <= 0;
    }

    @Override
    public String canonical() {
      return "between(" + render(lo) + "," + render(hi) + ")";
    }
  }

  record Compare(Operator operator, KeyValue value) implements KeyCondition {
    public Compare {
      Objects.requireNonNull(operator, "operator");
    }

    @Override
    public boolean matches(KeyValue attribute) {
      return attribute.type() == value.type() && operator.accepts(compare(attribute, value));
    }

    @Override
    public String canonical() {
      return operator.name() + "(" + render(value) + ")";
    }
  }

  private static int compare(KeyValue a, KeyValue b) {
    return a.sortValue().compareTo(b.sortValue());
  }

  private static String render(KeyValue value) {
    return value.type() + ":" + Values.quote(value.text());
  }
}
