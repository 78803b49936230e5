package io.shardstream.writer.event;

import io.shardstream.writer.check.Rejection;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Field rules shared by the user and email validators. Each returns the rejection, or empty when
 * the value passes.
 *
 * <p>"Created in the future" is judged against the Kafka record's timestamp (when the event was
 * produced), not the wall clock: a replay of an old topic then takes the same decisions as the
 * first run, and a re-processed record after a failed commit takes the same decision as before.
 */
final class FieldRules {
  /**
   * A pragmatic address check: a local part without blanks or {@code @} (1..64), a domain of
   * dot-separated labels of letters (any script), digits and inner hyphens, 254 characters at most.
   */
  private static final Pattern EMAIL =
      Pattern.compile(
          "[^\\s@]{1,64}@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?"
              + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?)+");

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final int MAX_EMAIL_LENGTH = 254;

  private final Duration futureSkew;

  FieldRules(Duration futureSkew) {
    this.futureSkew = futureSkew;
  }

  static Optional<Rejection> notEmpty(String field, String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(Rejection.invalid(field, "empty", "'" + field + "' is empty"));
    }
    return Optional.empty();
  }

  /** The Kafka key must be the entity's unique id, or the partitioning (and ordering) is wrong. */
  static Optional<Rejection> keyMatches(String recordKey, String field, String value) {
    if (recordKey == null) {
      return Optional.of(
          Rejection.invalid(
              "key",
              "missing",
              "the record has no key; it must be" + " the " + field + " '" + value + "'"));
    }
    if (!recordKey.equals(value)) {
      return Optional.of(
          Rejection.invalid(
              "key",
              "mismatch",
              "the record key '"
                  + recordKey
                  + "' is not the event's "
                  + field
                  + " '"
                  + value
                  + "'"));
    }
    return Optional.empty();
  }

  static Optional<Rejection> emailSyntax(String email) {
    if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
      return Optional.of(
          Rejection.invalid("email", "syntax", "'" + email + "' is not an email address"));
    }
    return Optional.empty();
  }

  static Optional<Rejection> digitsOnly(String field, String value) {
    if (value != null && !DIGITS.matcher(value).matches()) {
      return Optional.of(
          Rejection.invalid(
              field, "digits-only", "'" + field + "' must be digits only, got '" + value + "'"));
    }
    return Optional.empty();
  }

  Optional<Rejection> notInFuture(String field, long millis, long recordTimestamp) {
    if (millis > recordTimestamp + futureSkew.toMillis()) {
      return Optional.of(
          Rejection.invalid(
              field,
              "in-future",
              "'"
                  + field
                  + "' "
                  + millis
                  + " is more than "
                  + futureSkew
                  + " after the record's timestamp "
                  + recordTimestamp));
    }
    return Optional.empty();
  }

  static Optional<Rejection> notBefore(String field, long millis, String otherField, long other) {
    if (millis < other) {
      return Optional.of(
          Rejection.invalid(
              field,
              "before-" + otherField,
              "'" + field + "' " + millis + " is before '" + otherField + "' " + other));
    }
    return Optional.empty();
  }

  /** The payload that must be present, or absent, for the operation. */
  static Optional<Rejection> shape(
      String op, String required, Object requiredValue, String forbidden, Object forbiddenValue) {
    if (requiredValue == null) {
      return Optional.of(Rejection.invalid(required, "missing", op + " needs '" + required + "'"));
    }
    if (forbiddenValue != null) {
      return Optional.of(
          Rejection.invalid(forbidden, "unexpected", op + " must not carry '" + forbidden + "'"));
    }
    return Optional.empty();
  }

  /** The first rejection of several checks, run in order and only as far as needed. */
  @SafeVarargs
  static Optional<Rejection> first(Supplier<Optional<Rejection>>... checks) {
    for (var check : checks) {
      Optional<Rejection> rejection = check.get();
      if (rejection.isPresent()) {
        return rejection;
      }
    }
    return Optional.empty();
  }
}
