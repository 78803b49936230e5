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

  /**
   * The rule a string value breaks ({@code max-length}, {@code format}, {@code enum}), first found,
   * with a message that says what is allowed; empty when it keeps them all. The one place these
   * rules are applied, for every source and the writer alike.
   */
  public Optional<AttributeViolation> checkText(String value) {
    if (maxLength.isPresent() && value.codePointCount(0, value.length()) > maxLength.getAsInt()) {
      return Optional.of(
          new AttributeViolation(
              "max-length",
              "longer than "
                  + maxLength.getAsInt()
                  + " characters ("
                  + value.codePointCount(0, value.length())
                  + ")"));
    }
    if (format.isPresent() && !format.get().matches(value)) {
      return Optional.of(new AttributeViolation("format", "not " + format.get().description()));
    }
    if (enumValues.isPresent() && !enumValues.get().contains(value)) {
      return Optional.of(
          new AttributeViolation("enum", "must be one of " + String.join(", ", enumValues.get())));
    }
    return Optional.empty();
  }
}
