package io.shardstream.dynamo;

/** A value that has no DynamoDB attribute form (or an attribute with no item form). */
public final class AttributeMappingException extends IllegalArgumentException {
  private final String path;

  public AttributeMappingException(String path, String message) {
    super(path + ": " + message);
    this.path = path;
  }

  /** Where in the item the value sits, e.g. {@code address.lines[2]}. */
  public String path() {
    return path;
  }
}
