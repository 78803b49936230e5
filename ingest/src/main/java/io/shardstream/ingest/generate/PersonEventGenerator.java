package io.shardstream.ingest.generate;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.model.EntityEventSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import net.datafaker.Faker;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;

/**
 * Realistic change events of the Person model ({@code examples/person/config.json}): persons with
 * addresses, bank accounts (valid IBANs and BICs from Datafaker), contacts and employments, all
 * co-located in the person's partition; then updates, deletes (a person's delete takes its children
 * with it), some children sent before their person, and a few invalid events, each with the reason
 * the writer gives ({@code invalid:<entity>.<property>:<rule>}).
 *
 * <p>Deterministic: the same options give the same events, byte for byte (all randomness from the
 * seed, all time from {@link GeneratorOptions#baseTime()}). Invalid events always name a new id, so
 * that they change no instance the valid events build.
 */
public final class PersonEventGenerator {
  /** When persons start being created: before the example config's first shard bump. */
  static final Instant START = Instant.parse("2023-06-01T00:00:00Z");

  private static final List<String> GENDERS = List.of("female", "male", "diverse", "unspecified");
  private static final Map<String, String> COUNTRIES =
      Map.of(
          "en-US", "US", "es-MX", "MX", "fr-FR", "FR", "de-DE", "DE", "pt-BR", "BR", "pl-PL", "PL",
          "cs-CZ", "CZ");
  private static final Map<String, String> CURRENCIES =
      Map.of(
          "US", "USD", "MX", "MXN", "FR", "EUR", "DE", "EUR", "BR", "BRL", "PL", "PLN", "CZ",
          "CZK");

  private final EntityConfig model;
  private final Map<String, Schema> schemas;
  private final Function<String, String> topicOf;
  private final int persons;
  private final long seed;
  private final Instant baseTime;
  private final Random random;
  private final PersonFaker people;
  private final EmailAddresses emails;
  private final List<GeneratedEvent> events = new ArrayList<>();
  private long nextId;

  private PersonEventGenerator(GeneratorOptions options, Function<String, String> topicOf) {
    this.model = ConfigLoader.parse(ExampleConfigs.person());
    this.schemas = EntityEventSchemas.derive(model);
    this.topicOf = topicOf;
    this.persons = options.users();
    this.seed = options.seed();
    this.baseTime = options.baseTime();
    this.random = new Random(options.seed());
    this.people = new PersonFaker(options.seed(), random);
    this.emails = new EmailAddresses(random);
  }

  /** The Person model the events are for. */
  public static EntityConfig model() {
    return ConfigLoader.parse(ExampleConfigs.person());
  }

  /**
   * Every event for {@code options.users()} persons, in sending order.
   *
   * @param topicOf each entity's topic in this deployment
   */
  public static List<GeneratedEvent> generate(
      GeneratorOptions options, Function<String, String> topicOf) {
    PersonEventGenerator generator = new PersonEventGenerator(options, topicOf);
    for (int i = 0; i < generator.persons; i++) {
      generator.person(i);
    }
    return List.copyOf(generator.events);
  }

  /** One person's life: creation with children, maybe updates, maybe a delete, maybe an invalid. */
  private void person(int index) {
    String locale = people.locale();
    Faker faker = people.faker(locale);
    String country = COUNTRIES.get(locale);
    long slot = Duration.between(START, baseTime).toMillis() / persons;
    long createdAt = START.toEpochMilli() + index * slot + (long) (random.nextDouble() * slot / 2);
    String personId = id("p");
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("id", personId);
    person.put("firstName", people.firstName(locale));
    person.put("lastName", people.lastName(locale));
    person.put(
        "dateOfBirth",
        (int) LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 66)).toEpochDay());
    person.put("gender", GENDERS.get(random.nextInt(GENDERS.size())));
    person.put("createdAt", createdAt);
    person.put("updatedAt", createdAt);

    List<Map<String, Object>> children = new ArrayList<>();
    int addresses = 1 + random.nextInt(2);
    for (int i = 0; i < addresses; i++) {
      children.add(address(faker, personId, createdAt, country, i == 0));
    }
    int accounts = random.nextInt(3);
    for (int i = 0; i < accounts; i++) {
      children.add(bankAccount(faker, personId, createdAt, country, i == 0));
    }
    int contacts = 1 + random.nextInt(3);
    for (int i = 0; i < contacts; i++) {
      children.add(contact(person, locale, personId, createdAt, i == 0));
    }
    int jobs = random.nextInt(3);
    for (int i = 0; i < jobs; i++) {
      children.add(employment(faker, personId, createdAt, country, i == jobs - 1));
    }

    // About one person in eight gets a child before itself: the child's partition comes from the
    // person reference and the carried personCreatedAt, so it lands beside the person to come.
    boolean childFirst = random.nextDouble() < 0.125;
    if (childFirst) {
      upsert(children.getFirst(), 1, EventKind.CREATE);
    }
    upsert(person, 1, EventKind.CREATE);
    for (int i = childFirst ? 1 : 0; i < children.size(); i++) {
      upsert(children.get(i), 1, EventKind.CREATE);
    }

    long personVersion = 1;
    if (random.nextDouble() < 0.25) {
      long updatedAt = createdAt + 1 + (long) (random.nextDouble() * slot / 2);
      person.put("lastName", people.lastName(locale));
      person.put("updatedAt", updatedAt);
      upsert(person, ++personVersion, EventKind.UPDATE);
    }
    if (random.nextDouble() < 0.2) {
      Map<String, Object> moved = children.getFirst();
      if (moved.get("entity").equals("address")) {
        moved.put("street", faker.address().streetAddress());
        moved.put("city", faker.address().city());
        upsert(moved, 2, EventKind.UPDATE);
      }
    }
    if (children.size() > 1 && random.nextDouble() < 0.1) {
      delete(children.getLast(), 2);
    }
    if (random.nextDouble() < 0.06) {
      delete(person, personVersion + 1);
    }
    if (random.nextDouble() < 0.03) {
      invalid(faker, personId, createdAt, country);
    }
  }

  private Map<String, Object> address(
      Faker faker, String personId, long personCreatedAt, String country, boolean primary) {
    Map<String, Object> item = child("address", "a", personId, personCreatedAt);
    item.put("type", List.of("home", "work", "billing", "shipping").get(random.nextInt(4)));
    item.put("street", faker.address().streetAddress());
    item.put("city", faker.address().city());
    if (random.nextDouble() < 0.7) {
      item.put("state", faker.address().state());
    }
    item.put("postalCode", faker.address().postcode());
    item.put("country", country);
    item.put("isPrimary", primary);
    return item;
  }

  private Map<String, Object> bankAccount(
      Faker faker, String personId, long personCreatedAt, String country, boolean primary) {
    Map<String, Object> item = child("bankAccount", "b", personId, personCreatedAt);
    // The US and Mexico have no IBANs: their people bank in Spain here.
    String iban =
        faker.finance().iban(country.equals("US") || country.equals("MX") ? "ES" : country);
    item.put("bankName", faker.company().name() + " Bank");
    item.put("accountType", List.of("checking", "savings", "credit").get(random.nextInt(3)));
    item.put("accountNumberLast4", iban.substring(iban.length() - 4));
    item.put("iban", iban);
    item.put("bic", faker.finance().bic());
    item.put("isPrimary", primary);
    return item;
  }

  private Map<String, Object> contact(
      Map<String, Object> person,
      String locale,
      String personId,
      long personCreatedAt,
      boolean primary) {
    Map<String, Object> item = child("contactInfo", "c", personId, personCreatedAt);
    String type = List.of("email", "phone", "mobile").get(random.nextInt(3));
    item.put("type", type);
    item.put(
        "value",
        type.equals("email")
            ? emails.next(
                new Person(
                    (String) person.get("firstName"),
                    (String) person.get("lastName"),
                    locale,
                    null),
                0)
            : people.phone(locale));
    item.put("isPrimary", primary);
    item.put("isVerified", random.nextBoolean());
    return item;
  }

  private Map<String, Object> employment(
      Faker faker, String personId, long personCreatedAt, String country, boolean current) {
    Map<String, Object> item = child("employment", "e", personId, personCreatedAt);
    LocalDate start = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(365 * 24));
    item.put("companyName", faker.company().name());
    item.put("position", truncate(faker.job().position(), 100));
    item.put("department", truncate(faker.job().field(), 100));
    item.put("startDate", (int) start.toEpochDay());
    if (!current) {
      item.put("endDate", (int) start.plusDays(90 + random.nextInt(365 * 3)).toEpochDay());
    }
    item.put("isCurrent", current);
    item.put("salary", Math.round((25_000 + random.nextDouble() * 120_000) * 100) / 100.0);
    item.put("currency", CURRENCIES.get(country));
    return item;
  }

  /**
   * One invalid event, for a new id so that no valid instance changes: the writer dead-letters it
   * with the reason recorded here.
   */
  private void invalid(Faker faker, String personId, long personCreatedAt, String country) {
    switch (random.nextInt(4)) {
      case 0 -> {
        Map<String, Object> account = bankAccount(faker, personId, personCreatedAt, country, false);
        String iban = (String) account.get("iban");
        // One digit changed: the mod-97 check fails.
        char last = iban.charAt(iban.length() - 1);
        account.put(
            "iban", iban.substring(0, iban.length() - 1) + (char) ('0' + (last - '0' + 1) % 10));
        invalidUpsert(account, "invalid:bankAccount.iban:format");
      }
      case 1 -> {
        Map<String, Object> address = address(faker, personId, personCreatedAt, country, false);
        address.put("country", country.toLowerCase(Locale.ROOT) + "x");
        invalidUpsert(address, "invalid:address.country:max-length");
      }
      case 2 -> {
        Map<String, Object> contact = child("contactInfo", "c", personId, personCreatedAt);
        contact.put("type", "fax");
        contact.put("value", "0000");
        contact.put("isPrimary", false);
        contact.put("isVerified", false);
        invalidUpsert(contact, "invalid:contactInfo.type:enum");
      }
      default -> {
        long future = baseTime.plus(Duration.ofDays(400)).toEpochMilli();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", id("p"));
        person.put("firstName", faker.name().firstName());
        person.put("lastName", faker.name().lastName());
        person.put("createdAt", future);
        person.put("updatedAt", future);
        invalidUpsert(person, "invalid:person.createdAt:in-future");
      }
    }
  }

  private Map<String, Object> child(
      String entity, String prefix, String personId, long personCreatedAt) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("entity", entity);
    item.put("id", id(prefix));
    item.put("personId", personId);
    item.put("personCreatedAt", personCreatedAt);
    return item;
  }

  /** Ids unique in the run and stable for a seed: {@code p-7-000042}. */
  private String id(String prefix) {
    return prefix + "-" + seed + "-" + String.format(Locale.ROOT, "%06d", nextId++);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static String entityOf(Map<String, Object> item) {
    return (String) item.getOrDefault("entity", "person");
  }

  private void upsert(Map<String, Object> item, long version, EventKind kind) {
    events.add(event(item, "UPSERT", version, kind, null));
  }

  private void invalidUpsert(Map<String, Object> item, String reason) {
    events.add(event(item, "UPSERT", 1, EventKind.INVALID, reason));
  }

  private void delete(Map<String, Object> item, long version) {
    events.add(event(item, "DELETE", version, EventKind.DELETE, null));
  }

  private GeneratedEvent event(
      Map<String, Object> item, String op, long version, EventKind kind, String reason) {
    String entity = entityOf(item);
    Schema schema = schemas.get(entity);
    boolean upsert = op.equals("UPSERT");
    String payloadField = upsert ? entity : entity + "Key";
    Schema payload = schema.getField(payloadField).schema().getTypes().get(1);
    GenericRecordBuilder state = new GenericRecordBuilder(payload);
    for (Schema.Field field : payload.getFields()) {
      state.set(field, item.get(field.name()));
    }
    GenericRecord record = state.build();
    String id = (String) item.get("id");
    GenericRecord envelope =
        new GenericRecordBuilder(schema)
            .set(
                "eventId",
                UUID.nameUUIDFromBytes(
                        (seed + "/" + events.size()).getBytes(StandardCharsets.UTF_8))
                    .toString())
            .set("op", new GenericData.EnumSymbol(schema.getField("op").schema(), op))
            .set("version", version)
            .set("occurredAt", baseTime.toEpochMilli())
            .set("source", "generator")
            .set(payloadField, record)
            .build();
    return new GeneratedEvent(
        events.size(),
        new ChangeRecord.EntityEvent(entity, topicOf.apply(entity), id, envelope),
        kind,
        null,
        reason);
  }
}
