package io.shardstream.schemas.registry;

import java.util.List;

/**
 * The registry rejected a new schema version because it breaks the artifact's compatibility rule.
 */
public class IncompatibleSchemaException extends SchemaRegistryException {
  private final List<String> violations;

  public IncompatibleSchemaException(String message, List<String> violations, Throwable cause) {
    super(message, cause);
    this.violations = List.copyOf(violations);
  }

  /** The registry's own descriptions of what breaks compatibility, one per problem. */
  public List<String> violations() {
    return violations;
  }
}
