package io.shardstream.writer.event;

import io.shardstream.core.config.AttributeDefinition;
import io.shardstream.core.config.AttributeType;
import io.shardstream.writer.check.Checked;
import io.shardstream.writer.check.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules one declared attribute's value must keep, each as {@code invalid:<entity>.<property>:
 * <rule>}: present when required ({@code missing}), not blank when a required string that names
 * something (the id, the parent reference, the key binding: {@code empty}), a number DynamoDB can
 * hold ({@code number}: finite, magnitude within 1e-130..1e126), the declared {@code max-length},
 * {@code format} and {@code enum} ({@link AttributeDefinition#checkText}), the timestamp property
 * not later than the record's timestamp + the future skew ({@code in-future}), and not before
 * another attribute when declared so ({@code before-<other>}, {@link
 * AttributeDefinition#checkNotBefore}).
 *
 * <p>"In the future" is judged against the Kafka record's timestamp (when the event was produced),
 * not the wall clock: a replay of an old topic then takes the same decisions as the first run, and
 * a record processed again after a failed commit takes the same decision as before.
 */
final class AttributeRules {
  /** DynamoDB's number range: magnitudes from 1E-130 to below 1E+126 (and zero). */
  private static final double ABOVE_LARGEST = 1e126;

  private static final double SMALLEST = 1e-130;

  private final String entity;
  private final Set<String> notBlank;
  private final Duration futureSkew;

  /**
   * @param notBlank the required strings that may not be blank
   */
  AttributeRules(String entity, Set<String> notBlank, Duration futureSkew) {
    this.entity = entity;
    this.notBlank = Set.copyOf(notBlank);
    this.futureSkew = futureSkew;
  }

  /**
   * The attribute's value as a plain Java value (see {@link EntityChange.Upsert#item}), null when
   * absent, or why it is not allowed. {@code raw} is what Avro decoded: a CharSequence, a number, a
   * Boolean, an Instant (timestamp-millis), a LocalDate or days since the epoch (date).
   */
  Checked<Optional<Object>> value(AttributeDefinition attribute, Object raw) {
    String name = attribute.name();
    if (raw == null) {
      return attribute.required()
          ? Checked.rejected(
              Rejection.invalid(entity, name, "missing", "'" + name + "' is required"))
          : Checked.ok(Optional.empty());
    }
    Object value = plain(attribute.type(), raw);
    if (value instanceof Double number && !storable(number)) {
      return Checked.rejected(
          Rejection.invalid(
              entity,
              name,
              "number",
              "'"
                  + name
                  + "' "
                  + number
                  + " is no number DynamoDB can hold (finite, 1e-130..1e126)"));
    }
    if (value instanceof String text && attribute.type() == AttributeType.STRING) {
      if (attribute.required() && notBlank.contains(name) && text.isBlank()) {
        return Checked.rejected(
            Rejection.invalid(entity, name, "empty", "'" + name + "' is empty"));
      }
      var violation = attribute.checkText(text);
      if (violation.isPresent()) {
        return Checked.rejected(
            Rejection.invalid(
                entity,
                name,
                violation.get().rule(),
                "'" + name + "' is " + violation.get().message() + ": '" + text + "'"));
      }
    }
    return Checked.ok(Optional.of(value));
  }

  /** The timestamp property must not lie after the record's timestamp + the skew. */
  Optional<Rejection> notInFuture(String property, long millis, long recordTimestamp) {
    if (millis > recordTimestamp + futureSkew.toMillis()) {
      return Optional.of(
          Rejection.invalid(
              entity,
              property,
              "in-future",
              "'"
                  + property
                  + "' "
                  + millis
                  + " is more than "
                  + futureSkew
                  + " after the record's timestamp "
                  + recordTimestamp));
    }
    return Optional.empty();
  }

  /**
   * An attribute declared {@code notBefore} another must not hold an earlier value ({@code
   * before-<other>}); {@code item} holds the checked values.
   */
  Optional<Rejection> notBefore(AttributeDefinition attribute, Map<String, Object> item) {
    return attribute
        .notBefore()
        .flatMap(other -> attribute.checkNotBefore(item.get(attribute.name()), item.get(other)))
        .map(
            violation ->
                Rejection.invalid(
                    entity,
                    attribute.name(),
                    violation.rule(),
                    "'" + attribute.name() + "' " + violation.message()));
  }

  private static boolean storable(double number) {
    double magnitude = Math.abs(number);
    return Double.isFinite(number)
        && (magnitude == 0 || (magnitude >= SMALLEST && magnitude < ABOVE_LARGEST));
  }

  /** What the table holds for a decoded value of this type. */
  static Object plain(AttributeType type, Object raw) {
    return switch (type) {
      case STRING -> raw.toString();
      case INTEGER, TIMESTAMP ->
          raw instanceof Instant instant ? instant.toEpochMilli() : ((Number) raw).longValue();
      case NUMBER -> ((Number) raw).doubleValue();
      case BOOLEAN -> (Boolean) raw;
      case DATE ->
          raw instanceof TemporalAccessor date
              ? LocalDate.from(date).toString()
              : LocalDate.ofEpochDay(((Number) raw).longValue()).toString();
    };
  }
}
