package io.shardstream.core.config;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One declared attribute of an entity.
 *
 * @param required an UPSERT without it (or with null) is invalid
 * @param maxLength longest value in characters (strings only)
 * @param format a format the value must match (strings only)
 * @param enumValues the only values allowed, when given (strings only)
 * @param sensitive served masked unless the caller may see it; never part of a key
 * @param notBefore another attribute of the same entity (same type, timestamp or date) this one's
 *     value may not precede, e.g. {@code updated} not before {@code created}
 */
public record AttributeDefinition(
    String name,
    AttributeType type,
    boolean required,
    OptionalInt maxLength,
    Optional<AttributeFormat> format,
    Optional<List<String>> enumValues,
    boolean sensitive,
    Optional<String> notBefore) {

  public AttributeDefinition {
    enumValues = enumValues.map(List::copyOf);
  }

  /** An attribute without a {@code notBefore} rule. */
  public AttributeDefinition(
      String name,
      AttributeType type,
      boolean required,
      OptionalInt maxLength,
      Optional<AttributeFormat> format,
      Optional<List<String>> enumValues,
      boolean sensitive) {
    this(name, type, required, maxLength, format, enumValues, sensitive, Optional.empty());
  }

  /** The types {@code notBefore} compares: both attributes are of one of them. */
  public static final Set<AttributeType> ORDERED_TYPES =
      Set.of(AttributeType.TIMESTAMP, AttributeType.DATE);

  /**
   * The {@code notBefore} rule ({@code before-<other>}, e.g. {@code before-created}) when {@code
   * value} precedes {@code earliest}, the value of the attribute it names; empty when it does not,
   * when either is absent, or when this attribute declares no such rule. Values are those of a
   * timestamp (a number of milliseconds) or of a date (an ISO {@code yyyy-MM-dd} string, a {@code
   * LocalDate} or a day number), both of one kind.
   */
  public Optional<AttributeViolation> checkNotBefore(Object value, Object earliest) {
    if (notBefore.isEmpty() || value == null || earliest == null) {
      return Optional.empty();
    }
    if (compare(value, earliest) >= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new AttributeViolation(
            "before-" + notBefore.get(),
            "must not be before " + notBefore.get() + " (" + value + " < " + earliest + ")"));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private int compare(Object value, Object earliest) {
    if (value instanceof Number a && earliest instanceof Number b) {
      return Long.compare(a.longValue(), b.longValue());
    }
    if (value instanceof Comparable a && value.getClass() == earliest.getClass()) {
      return a.compareTo(earliest);
    }
    throw new IllegalArgumentException(
        name
            + " and "
            + notBefore.orElseThrow()
            + " must be values of one kind, got "
            + value.getClass().getSimpleName()
            + " and "
            + earliest.getClass().getSimpleName());
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
