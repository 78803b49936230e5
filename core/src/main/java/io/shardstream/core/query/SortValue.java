package io.shardstream.core.query;

import java.math.BigDecimal;

/** A range key value as it sorts: numbers numerically, strings by UTF-8 bytes. */
public sealed interface SortValue extends Comparable<SortValue> {

  record Num(BigDecimal value) implements SortValue {
    @Override
    public int compareTo(SortValue other) {
      if (other instanceof Num n) {
        return value.compareTo(n.value);
      }
      throw mixed();
    }
  }

  record Text(String value) implements SortValue {
    @Override
    public int compareTo(SortValue other) {
      if (other instanceof Text t) {
        return Values.compareUtf8(value, t.value);
      }
      throw mixed();
    }
  }

  private static IllegalStateException mixed() {
    // The planner refuses queries whose indexes mix S and N range keys, so this is a bug.
    return new IllegalStateException("cannot order a number against a string");
  }
}
