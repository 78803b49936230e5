package io.shardstream.core.config;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One declared attribute of an entity.
 *
 * @param required an UPSERT without it (or with null) is invalid
 * @param maxLength longest value in characters (strings only)
 * @param format a format the value must match (strings only)
 * @param enumValues the only values allowed, when given (strings only)
 * @param sensitive served masked unless the caller may see it; never part of a key
 */
public record AttributeDefinition(
    String name,
    AttributeType type,
    boolean required,
    OptionalInt maxLength,
    Optional<AttributeFormat> format,
    Optional<List<String>> enumValues,
    boolean sensitive) {

  public AttributeDefinition {
    enumValues = enumValues.map(List::copyOf);
  }
}
