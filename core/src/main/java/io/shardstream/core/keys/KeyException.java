package io.shardstream.core.keys;

import java.util.Objects;

/**
 * An item whose keys cannot be generated: a missing or mistyped property, a value containing the
 * key delimiter, a key longer than DynamoDB allows. The message names the property; {@link #rule()}
 * says which rule it broke.
 */
public final class KeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final KeyRule rule;
  private final String property;

  /** An item that cannot be keyed ({@link KeyRule#UNKEYABLE}). */
  public KeyException(String property, String message) {
    this(KeyRule.UNKEYABLE, property, message);
  }

  public KeyException(KeyRule rule, String property, String message) {
    super(message);
    this.rule = Objects.requireNonNull(rule, "rule");
    this.property = property;
  }

  /** The rule the item broke. */
  public KeyRule rule() {
    return rule;
  }

  /** The property at fault, or null when the fault is not one property's. */
  public String property() {
    return property;
  }
}
