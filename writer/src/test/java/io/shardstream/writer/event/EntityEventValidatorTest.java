package io.shardstream.writer.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.model.EntityEventSchemas;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.schemas.serde.DecodeResult;
import io.shardstream.writer.check.Checked;
import io.shardstream.writer.item.TableItems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The declarations of the Person example as the writer's rules: events are built as Avro binary of
 * the derived schemas and read back through {@link ChangeEventSerdes#genericDecoder}, as the writer
 * reads them.
 */
class EntityEventValidatorTest {
  private static final EntityConfig CONFIG = ConfigLoader.parse(ExampleConfigs.person());
  private static final TableItems ITEMS = new TableItems(new EntityManager(CONFIG));
  private static final Duration SKEW = Duration.ofMinutes(5);
  private static final long CREATED = 1_748_736_000_000L; // 2025-06-01
  private static final long NOW = CREATED + 86_400_000L;

  @Test
  void aValidPersonBecomesAnUpsertWithPlainValuesInDeclaredOrder() {
    Checked<EntityChange> checked = check("person", "p-1", person(p -> {}));

    EntityChange.Upsert upsert = accepted(checked, EntityChange.Upsert.class);
    assertThat(upsert.entity()).isEqualTo("person");
    assertThat(upsert.id()).isEqualTo("p-1");
    assertThat(upsert.version()).isEqualTo(3L);
    assertThat(upsert.timestamp()).isEqualTo(CREATED);
    assertThat(upsert.parent()).isEmpty();
    // gender is optional and absent: left out; the date is an ISO string, timestamps are Longs.
    assertThat(upsert.item())
        .containsExactly(
            Map.entry("id", "p-1"),
            Map.entry("firstName", "Ana"),
            Map.entry("lastName", "Lee"),
            Map.entry("dateOfBirth", "1990-05-17"),
            Map.entry("createdAt", CREATED),
            Map.entry("updatedAt", CREATED + 1));
    assertThat(upsert.keyed().attributes())
        .containsKeys("hashKey", "rangeKey", "firstNameCanonical");
  }

  @ParameterizedTest(name = "{0}={1} -> {2}")
  @CsvSource({
    "id, '   ', invalid:person.id:empty",
    "firstName, LONG, invalid:person.firstName:max-length",
    "gender, robot, invalid:person.gender:enum",
    "updatedAt, BEFORE, invalid:person.updatedAt:before-createdAt",
    "createdAt, FUTURE, invalid:person.createdAt:in-future"
  })
  void eachDeclaredRuleIsItsOwnReason(String property, String value, String reason) {
    Object raw =
        switch (value) {
          case "LONG" -> "x".repeat(101);
          case "BEFORE" -> CREATED - 1;
          case "FUTURE" -> NOW + SKEW.toMillis() + 1;
          default -> value;
        };
    GenericRecord person =
        person(
            p -> {
              p.put(property, raw);
              if (value.equals("FUTURE")) {
                p.put("updatedAt", raw);
              }
            });

    assertThat(reason(check("person", "p-1", person))).isEqualTo(reason);
  }

  @Test
  void theKafkaKeyMustBeTheUniqueId() {
    assertThat(reason(check("person", "p-2", person(p -> {}))))
        .isEqualTo("invalid:person.key:mismatch");
    assertThat(reason(check("person", null, person(p -> {}))))
        .isEqualTo("invalid:person.key:missing");
  }

  @Test
  void thePayloadMustFitTheOperation() {
    Schema schema = schema("person");
    GenericRecord upsertWithoutState = envelope(schema, "UPSERT");
    GenericRecord deleteWithState = envelope(schema, "DELETE");
    deleteWithState.put("person", person(p -> {}).get("person"));
    deleteWithState.put("personKey", personKey(OptionalLong.empty()));

    assertThat(reason(check("person", "p-1", upsertWithoutState)))
        .isEqualTo("invalid:person.person:missing");
    assertThat(reason(check("person", "p-1", deleteWithState)))
        .isEqualTo("invalid:person.person:unexpected");
  }

  /**
   * Only strings that name something (id, parent reference, key binding) may not be blank; any
   * other required string may be empty, as User/Email's names always could.
   */
  @Test
  void aBlankNameIsAValueButABlankReferenceIsNot() {
    GenericRecord blankName = person(p -> p.put("firstName", " "));
    assertThat(accepted(check("person", "p-1", blankName), EntityChange.Upsert.class).item())
        .containsEntry("firstName", " ");

    GenericRecord orphan = child("address", a -> a.put("personId", ""));
    orphan.put("type", "home");
    orphan.put("street", "Main St 1");
    orphan.put("city", "Springfield");
    orphan.put("country", "US");
    assertThat(reason(check("address", "c-1", wrap("address", orphan))))
        .isEqualTo("invalid:address.personId:empty");
  }

  @ParameterizedTest(name = "salary {0}")
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, 1e300, -1e126, 1e-200})
  void aNumberDynamoDbCannotHoldIsRefusedNotThrown(double salary) {
    GenericRecord job = employment(LocalDate.parse("2020-01-01"));
    job.put("salary", salary);

    assertThat(reason(check("employment", "c-1", wrap("employment", job))))
        .isEqualTo("invalid:employment.salary:number");
  }

  @Test
  void numbersAtDynamoDbsLimitsAreKept() {
    for (double salary : new double[] {0, 9.99e125, -1e-130, 72000.5}) {
      GenericRecord job = employment(LocalDate.parse("2020-01-01"));
      job.put("salary", salary);
      assertThat(
              accepted(
                      check("employment", "c-1", wrap("employment", job)),
                      EntityChange.Upsert.class)
                  .item())
          .containsEntry("salary", salary);
    }
  }

  @Test
  void formatsAndDateOrderOfChildren() {
    GenericRecord account = child("bankAccount", a -> {});
    account.put("bankName", "Nordbank");
    account.put("accountType", "savings");
    account.put("iban", "DE89370400440532013001"); // check digits broken (…3000 is valid)
    assertThat(reason(check("bankAccount", "c-1", wrap("bankAccount", account))))
        .isEqualTo("invalid:bankAccount.iban:format");

    GenericRecord job = employment(LocalDate.parse("2020-01-01"));
    job.put("endDate", (int) LocalDate.parse("2019-12-31").toEpochDay());
    assertThat(reason(check("employment", "c-1", wrap("employment", job))))
        .isEqualTo("invalid:employment.endDate:before-startDate");
  }

  @Test
  void aChildNamesItsParentAndKeepsItsTypedValues() {
    GenericRecord job = employment(LocalDate.parse("2020-01-01"));
    job.put("salary", 52_000.5);

    EntityChange.Upsert upsert =
        accepted(check("employment", "c-1", wrap("employment", job)), EntityChange.Upsert.class);
    assertThat(upsert.parent()).contains(new ParentLink("person", "p-1", OptionalLong.of(CREATED)));
    assertThat(upsert.item())
        .containsEntry("startDate", "2020-01-01")
        .containsEntry("isCurrent", true)
        .containsEntry("salary", 52_000.5)
        .doesNotContainKey("endDate");
  }

  @Test
  void aDeleteCarriesTheKeyWhenTheEventGivesIt() {
    GenericRecord withTimestamp = envelope(schema("person"), "DELETE");
    withTimestamp.put("personKey", personKey(OptionalLong.of(CREATED)));
    EntityChange.Delete known =
        accepted(check("person", "p-1", withTimestamp), EntityChange.Delete.class);
    assertThat(known.timestamp()).hasValue(CREATED);
    assertThat(known.key())
        .contains(TableItems.knownValid(ITEMS.primaryKey("person", "p-1", CREATED)));
    assertThat(known.parent()).isEmpty();

    GenericRecord idOnly = envelope(schema("person"), "DELETE");
    idOnly.put("personKey", personKey(OptionalLong.empty()));
    EntityChange.Delete unknown =
        accepted(check("person", "p-1", idOnly), EntityChange.Delete.class);
    assertThat(unknown.timestamp()).isEmpty();
    assertThat(unknown.key()).isEmpty();
  }

  @Test
  void aChildDeleteNamesItsParentPartition() {
    Schema schema = schema("address");
    GenericRecord key =
        new GenericData.Record(schema.getField("addressKey").schema().getTypes().get(1));
    key.put("id", "a-1");
    key.put("personId", "p-1");
    key.put("personCreatedAt", CREATED);
    GenericRecord event = envelope(schema, "DELETE");
    event.put("addressKey", key);

    EntityChange.Delete delete =
        accepted(check("address", "a-1", event), EntityChange.Delete.class);
    assertThat(delete.parent()).contains(new ParentLink("person", "p-1", OptionalLong.of(CREATED)));
    assertThat(delete.key()).isPresent();

    key.put("personId", " ");
    assertThat(reason(check("address", "a-1", event))).isEqualTo("invalid:address.personId:empty");
  }

  @Test
  void theEventIdIsTheEnvelopes() {
    GenericRecord event = person(p -> {});
    assertThat(EntityEventValidator.eventId(decode("person", event)))
        .isEqualTo(event.get("eventId").toString());
  }

  // ---------------------------------------------------------------------------------------------

  private static Checked<EntityChange> check(String entity, String key, GenericRecord event) {
    return new EntityEventValidator(ITEMS.entity(entity), ITEMS, SKEW)
        .check(key, decode(entity, event), NOW);
  }

  /** Through Avro binary and the writer's generic decoder. */
  private static GenericRecord decode(String entity, GenericRecord event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      new GenericDatumWriter<GenericRecord>(event.getSchema()).write(event, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    var result =
        ChangeEventSerdes.plainAvro().genericDecoder(schema(entity)).decode("t", out.toByteArray());
    return ((DecodeResult.Ok<GenericRecord>) result).event();
  }

  private static Schema schema(String entity) {
    return EntityEventSchemas.derive(ITEMS.entity(entity));
  }

  private static GenericRecord envelope(Schema schema, String op) {
    GenericRecord event = new GenericData.Record(schema);
    event.put("eventId", UUID.randomUUID().toString());
    event.put("op", new GenericData.EnumSymbol(schema.getField("op").schema(), op));
    event.put("version", 3L);
    event.put("occurredAt", CREATED);
    event.put("source", "test");
    return event;
  }

  /** A person UPSERT event; {@code change} edits the state record. */
  private static GenericRecord person(Consumer<GenericRecord> change) {
    GenericRecord state = state("person");
    state.put("id", "p-1");
    state.put("firstName", "Ana");
    state.put("lastName", "Lee");
    state.put("dateOfBirth", (int) LocalDate.parse("1990-05-17").toEpochDay());
    state.put("createdAt", CREATED);
    state.put("updatedAt", CREATED + 1);
    change.accept(state);
    return wrap("person", state);
  }

  private static GenericRecord personKey(OptionalLong createdAt) {
    Schema keySchema = schema("person").getField("personKey").schema().getTypes().get(1);
    GenericRecord key = new GenericData.Record(keySchema);
    key.put("id", "p-1");
    createdAt.ifPresent(t -> key.put("createdAt", t));
    return key;
  }

  private static GenericRecord employment(LocalDate start) {
    GenericRecord job = child("employment", j -> {});
    job.put("companyName", "Acme");
    job.put("startDate", (int) start.toEpochDay());
    job.put("isCurrent", true);
    return job;
  }

  private static GenericRecord child(String entity, Consumer<GenericRecord> change) {
    GenericRecord state = state(entity);
    state.put("id", "c-1");
    state.put("personId", "p-1");
    state.put("personCreatedAt", CREATED);
    if (state.getSchema().getField("isPrimary") != null) {
      state.put("isPrimary", false);
    }
    change.accept(state);
    return state;
  }

  private static GenericRecord state(String entity) {
    return new GenericData.Record(schema(entity).getField(entity).schema().getTypes().get(1));
  }

  private static GenericRecord wrap(String entity, GenericRecord state) {
    GenericRecord event = envelope(schema(entity), "UPSERT");
    event.put(entity, state);
    return event;
  }

  private static String reason(Checked<EntityChange> checked) {
    assertThat(checked).isInstanceOf(Checked.Rejected.class);
    return ((Checked.Rejected<EntityChange>) checked).rejection().reason();
  }

  private static <T extends EntityChange> T accepted(Checked<EntityChange> checked, Class<T> type) {
    assertThat(checked).isInstanceOf(Checked.Ok.class);
    EntityChange change = ((Checked.Ok<EntityChange>) checked).value();
    assertThat(change).isInstanceOf(type);
    return type.cast(change);
  }
}
