package io.shardstream.ingest.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The event rules every source shares, fed a field map directly. */
class ChangeEventReaderTest {
  private final ChangeEventReader reader = new ChangeEventReader(Instant.EPOCH, "test");

  @Test
  void aFieldTheSourceNamesOtherwiseIsNamedBothWaysWhetherMissingOrMistyped() {
    FieldMap user =
        FieldMap.builder()
            .sourceName("userId", "attribute 'id'")
            .sourceName("firstName", "attribute 'given'")
            .put("firstName", new FieldValue.Number(BigDecimal.valueOf(7), true, "7"))
            .build();

    String reason = invalid(upsert(user));

    assertThat(reason)
        .contains("missing \"user.userId\" (attribute 'id')")
        .contains("\"user.firstName\" (attribute 'given') must be a string, got a number 7")
        .contains("missing \"user.lastName\";");
  }

  @Test
  void aWholeNumberMustBeWholeAsTheSourceHoldsIt() {
    FieldMap root =
        FieldMap.builder()
            .text("type", "email")
            .text("op", "DELETE")
            .put("version", new FieldValue.Number(new BigDecimal("2.0"), false, "2.0"))
            .put(
                "emailKey",
                new FieldValue.Fields(FieldMap.builder().text("email", "a@example.com").build()))
            .build();

    assertThat(invalid(root))
        .isEqualTo("\"version\" must be a whole number (64-bit), got a number 2.0");
  }

  private static FieldMap upsert(FieldMap user) {
    return FieldMap.builder()
        .text("type", "user")
        .text("op", "UPSERT")
        .wholeNumber("version", 1)
        .put("user", new FieldValue.Fields(user))
        .build();
  }

  private String invalid(FieldMap root) {
    ChangeEventReader.Result result = reader.read(root, "identity");
    assertThat(result).isInstanceOf(ChangeEventReader.Result.Invalid.class);
    return ((ChangeEventReader.Result.Invalid) result).reason();
  }
}
