package io.shardstream.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The value rules a declared string attribute applies, for every source and the writer alike. */
class AttributeRulesTest {

  @Test
  void formatsAcceptWhatTheyNameAndNothingElse() {
    assertThat(AttributeFormat.EMAIL.matches("zoë.müller@exämple.test")).isTrue();
    assertThat(AttributeFormat.EMAIL.matches("no-at-sign.example.com")).isFalse();
    assertThat(AttributeFormat.EMAIL.matches("a b@example.com")).isFalse();
    assertThat(AttributeFormat.PHONE.matches("15551234567")).isTrue();
    assertThat(AttributeFormat.PHONE.matches("+1 555")).isFalse();
    assertThat(AttributeFormat.ISO_DATE.matches("2024-02-29")).isTrue();
    assertThat(AttributeFormat.ISO_DATE.matches("2023-02-29")).isFalse();
    assertThat(AttributeFormat.ISO_DATE.matches("29/02/2024")).isFalse();
    assertThat(AttributeFormat.IBAN.matches("DE89370400440532013000")).isTrue();
    assertThat(AttributeFormat.IBAN.matches("GB82WEST12345698765432")).isTrue();
    assertThat(AttributeFormat.IBAN.matches("DE88370400440532013000")).as("check digits").isFalse();
    assertThat(AttributeFormat.IBAN.matches("de89370400440532013000")).as("upper case").isFalse();
  }

  @Test
  void aStringBreaksTheFirstRuleItMeets() {
    AttributeDefinition country =
        new AttributeDefinition(
            "country",
            AttributeType.STRING,
            true,
            OptionalInt.of(2),
            Optional.empty(),
            Optional.empty(),
            false);
    AttributeDefinition kind =
        new AttributeDefinition(
            "type",
            AttributeType.STRING,
            true,
            OptionalInt.empty(),
            Optional.empty(),
            Optional.of(List.of("home", "work")),
            false);

    assertThat(country.checkText("ES")).isEmpty();
    assertThat(country.checkText("ESP"))
        .contains(new AttributeViolation("max-length", "longer than 2 characters (3)"));
    assertThat(country.checkText("ÅÖ")).as("characters, not bytes").isEmpty();
    assertThat(kind.checkText("work")).isEmpty();
    assertThat(kind.checkText("Work"))
        .contains(new AttributeViolation("enum", "must be one of home, work"));
  }

  @Test
  void notBeforeComparesTimestampsAndDatesAndSkipsAbsentValues() {
    AttributeDefinition updated =
        new AttributeDefinition(
            "updated",
            AttributeType.TIMESTAMP,
            true,
            OptionalInt.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.of("created"));
    AttributeDefinition endDate =
        new AttributeDefinition(
            "endDate",
            AttributeType.DATE,
            false,
            OptionalInt.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.of("startDate"));

    assertThat(updated.checkNotBefore(1000L, 1000L)).isEmpty();
    assertThat(updated.checkNotBefore(1001L, 1000)).isEmpty();
    assertThat(updated.checkNotBefore(999L, 1000L))
        .contains(
            new AttributeViolation("before-created", "must not be before created (999 < 1000)"));
    assertThat(endDate.checkNotBefore("2024-01-31", "2024-02-01"))
        .map(AttributeViolation::rule)
        .contains("before-startDate");
    assertThat(
            endDate.checkNotBefore(
                java.time.LocalDate.of(2024, 3, 1), java.time.LocalDate.of(2024, 2, 1)))
        .isEmpty();
    assertThat(endDate.checkNotBefore(null, "2024-02-01")).as("endDate is optional").isEmpty();
    AttributeDefinition unordered =
        new AttributeDefinition(
            "created",
            AttributeType.TIMESTAMP,
            true,
            OptionalInt.empty(),
            Optional.empty(),
            Optional.empty(),
            false);
    assertThat(unordered.checkNotBefore(1L, 2L)).isEmpty();
  }
}
