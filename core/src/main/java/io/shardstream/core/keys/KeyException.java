package io.shardstream.core.keys;

/**
 * An item whose keys cannot be generated: a missing or mistyped property, a value containing the
 * key delimiter, a key longer than DynamoDB allows. The message names the property.
 */
public final class KeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String property;

  public KeyException(String property, String message) {
    super(message);
    this.property = property;
  }

  /** The property at fault, or null when the fault is not one property's. */
  public String property() {
    return property;
  }
}
