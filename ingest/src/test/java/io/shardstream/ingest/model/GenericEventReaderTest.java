package io.shardstream.ingest.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.ingest.file.BadLine;
import io.shardstream.schemas.ExampleConfigs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class GenericEventReaderTest {
  private static final Instant IMPORTED = Instant.parse("2025-07-01T00:00:00Z");
  private static final EntityConfig PERSON = ConfigLoader.parse(ExampleConfigs.person());
  private final GenericEventReader reader = new GenericEventReader(PERSON, IMPORTED, "file");

  @Test
  void everySamplePersonEventIsValid() throws IOException {
    List<GenericChange> events = new ArrayList<>();
    List<BadLine> bad = new ArrayList<>();

    GenericEventLines.Counts counts =
        GenericEventLines.read(sample("person"), reader, events::add, bad::add);

    assertThat(bad).isEmpty();
    assertThat(counts.events()).isEqualTo(13);
    assertThat(events)
        .extracting(GenericChange::entity)
        .contains("person", "address", "bankAccount", "contactInfo", "employment");
    for (GenericChange change : events) {
      assertThat(GenericData.get().validate(change.event().getSchema(), change.event()))
          .as(change.toString())
          .isTrue();
    }
  }

  @Test
  void everySampleUserEmailEventIsValidUnderTheShippedConfig() throws IOException {
    GenericEventReader userEmail =
        new GenericEventReader(ConfigLoader.parse(ExampleConfigs.userEmail()), IMPORTED, "file");
    List<BadLine> bad = new ArrayList<>();

    GenericEventLines.Counts counts =
        GenericEventLines.read(sample("user-email"), userEmail, change -> {}, bad::add);

    assertThat(bad).isEmpty();
    assertThat(counts.events()).isEqualTo(7);
  }

  @Test
  void anUpsertBecomesARecordOfTheDerivedSchema() {
    GenericChange change =
        event(
            """
            {"entity":"employment","op":"UPSERT","version":3,"item":{"id":"e-1","personId":"p-1",\
            "personCreatedAt":"2025-01-02T06:40:00Z","companyName":"Acme","startDate":"2020-03-01",\
            "isCurrent":true,"salary":72000.5}}""");

    assertThat(change.entity()).isEqualTo("employment");
    assertThat(change.key()).isEqualTo("e-1");
    GenericRecord event = change.event();
    assertThat(event.getSchema().getFullName())
        .isEqualTo("io.shardstream.events.EmploymentChangeEvent");
    assertThat(event.get("op").toString()).isEqualTo("UPSERT");
    assertThat(event.get("version")).isEqualTo(3L);
    assertThat(event.get("occurredAt")).isEqualTo(IMPORTED.toEpochMilli());
    assertThat(event.get("employmentKey")).isNull();
    GenericRecord state = (GenericRecord) event.get("employment");
    assertThat(state.get("personCreatedAt")).isEqualTo(1_735_800_000_000L);
    assertThat(state.get("startDate")).isEqualTo((int) LocalDate.parse("2020-03-01").toEpochDay());
    assertThat(state.get("salary")).isEqualTo(72000.5);
    assertThat(state.get("endDate")).isNull();
    assertThat(state.get("department")).isNull();
  }

  @Test
  void aDeleteCarriesTheKeyOnly() {
    GenericChange change =
        event(
            """
            {"entity":"address","op":"DELETE","version":2,\
            "item":{"id":"a-1","personId":"p-1","personCreatedAt":1735800000000}}""");

    GenericRecord key = (GenericRecord) change.event().get("addressKey");
    assertThat(key.get("personId")).isEqualTo("p-1");
    assertThat(change.event().get("address")).isNull();

    assertThat(
            invalid(
                """
                {"entity":"address","op":"DELETE","version":2,"item":{"id":"a-1","city":"Madrid"}}"""))
        .contains("entity 'address', property 'city', rule declared: a DELETE carries only the key")
        .contains("entity 'address', property 'personId', rule required: missing (a DELETE's key")
        .contains("entity 'address', property 'personCreatedAt', rule required");
  }

  @Test
  void everyBrokenRuleOfALineIsNamedWithEntityPropertyAndRule() {
    String reason =
        invalid(
            """
            {"entity":"bankAccount","op":"UPSERT","version":1,"item":{"id":"b-1","personId":"p-1",\
            "personCreatedAt":1735800000000,"bankName":"Deutsche Bank","accountType":"brokerage",\
            "accountNumberLast4":"30000","iban":"DE00370400440532013000","isPrimary":"yes",\
            "nickname":"main"}}""");

    assertThat(reason)
        .contains("entity 'bankAccount', property 'nickname', rule declared: not an attribute")
        .contains(
            "entity 'bankAccount', property 'accountType', rule enum: must be one of checking,"
                + " savings, credit")
        .contains(
            "entity 'bankAccount', property 'accountNumberLast4', rule max-length: longer than 4")
        .contains("entity 'bankAccount', property 'iban', rule format: not an IBAN")
        .contains("entity 'bankAccount', property 'isPrimary', rule type: must be true or false");
    assertThat(
            invalid(
                """
                {"entity":"person","op":"UPSERT","version":1,"item":{"id":"p-1","firstName":"Ana",\
                "dateOfBirth":"12/04/1988","createdAt":"yesterday","updatedAt":1}}"""))
        .contains("entity 'person', property 'lastName', rule required: missing (required)")
        .contains("entity 'person', property 'dateOfBirth', rule type: must be a date yyyy-MM-dd")
        .contains("entity 'person', property 'createdAt', rule type: must be epoch milliseconds");
  }

  @Test
  void theLineItselfMustBeWellFormed() {
    assertThat(invalid("{\"entity\":\"pet\",\"op\":\"UPSERT\",\"version\":1,\"item\":{}}"))
        .isEqualTo(
            "unknown entity 'pet' (entities with declared attributes: address, bankAccount,"
                + " contactInfo, employment, person)");
    assertThat(invalid("{\"entity\":\"person\",\"op\":\"MERGE\",\"version\":\"1\",\"extra\":1}"))
        .contains("unknown field \"extra\"")
        .contains("\"op\" must be \"UPSERT\" or \"DELETE\"")
        .contains("\"version\" must be a whole number")
        .contains("missing \"item\"");
    assertThat(invalid("{\"entity\": ")).startsWith("not valid JSON at column");
  }

  @Test
  void badLinesAreReportedWithTheirNumbersAndTheRestRead() throws IOException {
    String text =
        """
        {"entity":"person","op":"DELETE","version":2,"item":{"id":"p-1"}}

        {"entity":"person","op":"DELETE","version":2,"item":{}}
        """;
    List<BadLine> bad = new ArrayList<>();

    GenericEventLines.Counts counts =
        GenericEventLines.read(
            new BufferedReader(new StringReader(text)), reader, change -> {}, bad::add);

    assertThat(counts).isEqualTo(new GenericEventLines.Counts(1, 1));
    assertThat(bad)
        .singleElement()
        .hasToString(
            "line 3: entity 'person', property 'id', rule required: missing (a DELETE's key needs it)");
  }

  private GenericChange event(String line) {
    var result = reader.read(line);
    assertThat(result).isInstanceOf(GenericEventReader.Result.Event.class);
    return ((GenericEventReader.Result.Event) result).change();
  }

  private String invalid(String line) {
    var result = reader.read(line);
    assertThat(result).isInstanceOf(GenericEventReader.Result.Invalid.class);
    return ((GenericEventReader.Result.Invalid) result).reason();
  }

  private static BufferedReader sample(String model) {
    return new BufferedReader(
        new InputStreamReader(
            GenericEventReaderTest.class.getResourceAsStream(
                "/io/shardstream/ingest/examples/" + model + "/events.jsonl"),
            StandardCharsets.UTF_8));
  }
}
