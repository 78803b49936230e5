package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.ChildRange;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.schemas.DeadLetterHeaders;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.changes.AppliedChange;
import io.shardstream.schemas.changes.AppliedChangeJson;
import io.shardstream.schemas.model.EntityEventSchemas;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.metrics.EventOutcome;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.sink.ThreadSinks;
import io.shardstream.writer.stage.EntityLinks;
import io.shardstream.writer.state.StoreKind;
import io.shardstream.writer.testing.InMemoryTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generic topology running the Person model (examples/person): a person with four kinds of
 * co-located children (address, bankAccount, contactInfo, employment) that cascade on delete. The
 * events are generic records of the entities' derived schemas, in plain Avro; the table is in
 * memory, and "person with all data" is read as the one Query the query API makes (hash key = the
 * person's, range key between the parent's range and its children's upper bound).
 */
class PersonModelTest {
  private static final String APP = "person-writer-test";
  private static final EntityConfig CONFIG = ConfigLoader.parse(ExampleConfigs.person());
  private static final TopicNames TOPICS = TopicNames.defaults(APP, CONFIG);
  private static final List<String> CHILDREN =
      List.of("address", "bankAccount", "contactInfo", "employment");

  /** 2025-03-01: under the config's second bump (two shard characters). */
  private static final long CREATED = 1_740_787_200_000L;

  private static final long NOW = CREATED + Duration.ofDays(30).toMillis();

  private final EntityManager entities = new EntityManager(CONFIG);
  private final InMemoryTable table = new InMemoryTable(TableKeys.of(CONFIG));
  private final WriterMetrics metrics = new WriterMetrics(new SimpleMeterRegistry());
  private final ThreadSinks threadSinks = new ThreadSinks();
  private final Map<String, Schema> schemas = EntityEventSchemas.derive(CONFIG);
  private final Map<String, TestInputTopic<byte[], byte[]>> inputs = new HashMap<>();
  private final TopologyTestDriver driver;
  private final TestOutputTopic<byte[], byte[]> deadLetters;
  private final TestOutputTopic<byte[], byte[]> appliedChanges;

  PersonModelTest() {
    var topology = topology(threadSinks);
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(topology, properties);
    ByteArraySerializer bytes = new ByteArraySerializer();
    for (String entity : CONFIG.entities().keySet()) {
      inputs.put(entity, driver.createInputTopic(TOPICS.entity(entity), bytes, bytes));
    }
    deadLetters =
        driver.createOutputTopic(
            TOPICS.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    appliedChanges =
        driver.createOutputTopic(
            TOPICS.appliedChanges(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private Topology topology(ThreadSinks sinks) {
    return WriterTopology.build(
        new WriterTopology.Dependencies(
            TOPICS,
            new TableItems(entities),
            ChangeEventSerdes.plainAvro(),
            table,
            metrics,
            Duration.ofMinutes(5),
            1000,
            StoreKind.MEMORY,
            Duration.ZERO,
            sinks));
  }

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void theTopologyHasOneStagePerEntityAndTheChildTopicsAreNamedAfterTheChild() {
    assertThat(TOPICS.sources())
        .containsExactlyInAnyOrder(
            "persons.changes",
            "addresses.changes",
            "bankAccounts.changes",
            "contactInfos.changes",
            "employments.changes");
    assertThat(TOPICS.internal(new EntityLinks(CONFIG)))
        .containsEntry(APP + "-address-owner-changes", "persons.changes")
        .containsEntry(APP + "-address-cascade", "addresses.changes")
        .containsEntry(APP + "-employment-owner-changes", "persons.changes")
        .hasSize(8);
    // Five stages: each child's stage reads its own topic and its cascade topic; the person's
    // reads its topic and the four owner-change topics.
    assertThat(topology(new ThreadSinks()).describe().subtopologies()).hasSize(5);
  }

  @Test
  void childrenThatComeBeforeTheirPersonLandInThePersonsPartition() {
    sendChildren("p-1", CREATED, 1);
    assertThat(deadLetters()).isEmpty();

    send("person", upsert("person", 1, person("p-1", CREATED)));

    Map<String, Object> person = item("person", "p-1");
    assertThat(person).isNotNull();
    for (String child : CHILDREN) {
      Map<String, Object> item = item(child, child + "-of-p-1");
      assertThat(item).as(child).isNotNull();
      assertThat(item.get("hashKey")).as(child).isEqualTo(person.get("hashKey"));
      assertThat((String) item.get("rangeKey"))
          .as(child)
          .startsWith(entities.childPrefix(child, "p-1"));
    }
    assertThat(personWithAllData("p-1"))
        .extracting(this::entityOf)
        .containsExactlyInAnyOrder("person", "address", "bankAccount", "contactInfo", "employment");
    assertThat(metrics.events(EventOutcome.APPLIED)).isEqualTo(5);
  }

  @Test
  void onePersonsQueryReturnsItsOwnChildrenOnly() {
    send("person", upsert("person", 1, person("p-1", CREATED)));
    send("person", upsert("person", 1, person("p-10", CREATED)));
    sendChildren("p-1", CREATED, 1);
    send("address", upsert("address", 1, address("a-of-p-10", "p-10", CREATED)));

    assertThat(personWithAllData("p-1")).hasSize(5);
    assertThat(personWithAllData("p-10"))
        .extracting(item -> item.get("id"))
        .containsExactlyInAnyOrder("p-10", "a-of-p-10");
  }

  @Test
  void deletingAPersonDeletesEveryKindOfChild() {
    send("person", upsert("person", 1, person("p-1", CREATED)));
    sendChildren("p-1", CREATED, 1);
    send("person", upsert("person", 1, person("p-2", CREATED)));
    send("address", upsert("address", 1, address("a-of-p-2", "p-2", CREATED)));
    appliedChanges();

    send("person", delete("person", 2, Map.of("id", "p-1", "createdAt", CREATED)));

    assertThat(personWithAllData("p-1")).isEmpty();
    assertThat(personWithAllData("p-2")).hasSize(2);
    assertThat(appliedChanges())
        .extracting(AppliedChange::entity, AppliedChange::op, AppliedChange::cause)
        .containsExactlyInAnyOrder(
            tuple("person", "delete", "event"),
            tuple("address", "delete", "person-deleted"),
            tuple("bankAccount", "delete", "person-deleted"),
            tuple("contactInfo", "delete", "person-deleted"),
            tuple("employment", "delete", "person-deleted"));
    assertThat(metrics.cascadeDeletes()).isEqualTo(4);

    // A child arriving for the deleted person is refused and taken out again.
    send("address", upsert("address", 2, address("a-late", "p-1", CREATED)));
    assertThat(deadLetters())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(header(record, DeadLetterHeaders.REASON)).isEqualTo("person-deleted");
              assertThat(header(record, DeadLetterHeaders.SOURCE_TOPIC))
                  .isEqualTo("addresses.changes");
            });
    assertThat(item("address", "a-late")).isNull();
  }

  @Test
  void aChildsOwnDeleteUsesTheKeyItsEventCarries() {
    send("person", upsert("person", 1, person("p-1", CREATED)));
    sendChildren("p-1", CREATED, 1);

    send(
        "employment",
        delete(
            "employment",
            2,
            Map.of("id", "employment-of-p-1", "personId", "p-1", "personCreatedAt", CREATED)));

    assertThat(item("employment", "employment-of-p-1")).isNull();
    assertThat(personWithAllData("p-1")).hasSize(4);
    // Deleting the person later sends no cascade for the employment: its claim was released.
    appliedChanges();
    send("person", delete("person", 2, Map.of("id", "p-1", "createdAt", CREATED)));
    assertThat(appliedChanges()).hasSize(4);
  }

  @Test
  void aLivePersonCannotChangeTheTimestampItsChildrenArePartitionedBy() {
    send("person", upsert("person", 1, person("p-1", CREATED)));
    sendChildren("p-1", CREATED, 1);
    Map<String, Object> before = item("person", "p-1");

    long later = CREATED + Duration.ofDays(1).toMillis();
    send("person", upsert("person", 2, person("p-1", later)));

    assertThat(deadLetters())
        .singleElement()
        .satisfies(
            record ->
                assertThat(header(record, DeadLetterHeaders.REASON))
                    .isEqualTo("invalid:person.createdAt:immutable"));
    assertThat(item("person", "p-1")).isEqualTo(before);
    assertThat(personWithAllData("p-1")).hasSize(5);

    // Other attributes still change.
    Map<String, Object> renamed = person("p-1", CREATED);
    renamed.put("lastName", "Renamed");
    send("person", upsert("person", 3, renamed));
    assertThat(item("person", "p-1")).containsEntry("lastName", "Renamed");
  }

  @Test
  void aChildCarryingAnotherTimestampThanItsLivePersonIsRemoved() {
    send("person", upsert("person", 1, person("p-1", CREATED)));
    appliedChanges();

    long wrong = CREATED - Duration.ofDays(400).toMillis();
    send("address", upsert("address", 1, address("a-1", "p-1", wrong)));

    assertThat(item("address", "a-1")).isNull();
    assertThat(appliedChanges())
        .extracting(AppliedChange::op, AppliedChange::cause)
        .containsExactly(tuple("upsert", "event"), tuple("delete", "parent-mismatch"));

    // With the person's timestamp it is kept, in the person's partition.
    send("address", upsert("address", 2, address("a-1", "p-1", CREATED)));
    assertThat(personWithAllData("p-1")).hasSize(2);
  }

  @Test
  void childrenThatCameFirstWithAnotherTimestampAreRemovedWhenThePersonArrives() {
    long wrong = CREATED - Duration.ofDays(400).toMillis();
    send("contactInfo", upsert("contactInfo", 1, contactInfo("c-1", "p-1", wrong)));
    send("contactInfo", upsert("contactInfo", 1, contactInfo("c-2", "p-1", CREATED)));
    assertThat(item("contactInfo", "c-1")).isNotNull();

    send("person", upsert("person", 1, person("p-1", CREATED)));

    assertThat(item("contactInfo", "c-1")).isNull();
    assertThat(personWithAllData("p-1"))
        .extracting(item -> item.get("id"))
        .containsExactlyInAnyOrder("p-1", "c-2");
  }

  @Test
  void invalidChildrenAreDeadLetteredWithEntityPropertyAndRule() {
    Map<String, Object> address = address("a-1", "p-1", CREATED);
    address.put("type", "castle");
    send("address", upsert("address", 1, address));

    assertThat(deadLetters())
        .extracting(record -> header(record, DeadLetterHeaders.REASON))
        .containsExactly("invalid:address.type:enum");
    assertThat(table.items()).isEmpty();
  }

  // --- the Person model's events ---

  private void sendChildren(String personId, long personCreatedAt, long version) {
    String suffix = "-of-" + personId;
    send(
        "address",
        upsert("address", version, address("address" + suffix, personId, personCreatedAt)));
    Map<String, Object> account = child("bankAccount" + suffix, personId, personCreatedAt);
    account.put("bankName", "Example Bank");
    account.put("accountType", "checking");
    account.put("isPrimary", true);
    send("bankAccount", upsert("bankAccount", version, account));
    send(
        "contactInfo",
        upsert(
            "contactInfo",
            version,
            contactInfo("contactInfo" + suffix, personId, personCreatedAt)));
    Map<String, Object> employment = child("employment" + suffix, personId, personCreatedAt);
    employment.put("companyName", "Acme");
    employment.put("startDate", (int) LocalDate.of(2020, 1, 1).toEpochDay());
    employment.put("isCurrent", true);
    employment.put("salary", 52_000.5);
    send("employment", upsert("employment", version, employment));
  }

  private static Map<String, Object> person(String id, long createdAt) {
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("id", id);
    person.put("firstName", "Ada");
    person.put("lastName", "Lovelace");
    person.put("createdAt", createdAt);
    person.put("updatedAt", createdAt);
    return person;
  }

  private static Map<String, Object> child(String id, String personId, long personCreatedAt) {
    Map<String, Object> child = new LinkedHashMap<>();
    child.put("id", id);
    child.put("personId", personId);
    child.put("personCreatedAt", personCreatedAt);
    return child;
  }

  private static Map<String, Object> address(String id, String personId, long personCreatedAt) {
    Map<String, Object> address = child(id, personId, personCreatedAt);
    address.put("type", "home");
    address.put("street", "1 Main St");
    address.put("city", "Springfield");
    address.put("country", "US");
    address.put("isPrimary", true);
    return address;
  }

  private static Map<String, Object> contactInfo(String id, String personId, long personCreatedAt) {
    Map<String, Object> contact = child(id, personId, personCreatedAt);
    contact.put("type", "email");
    contact.put("value", "ada@example.com");
    contact.put("isPrimary", true);
    contact.put("isVerified", false);
    return contact;
  }

  private GenericRecord upsert(String entity, long version, Map<String, Object> state) {
    Schema event = schemas.get(entity);
    return envelope(entity, version, "UPSERT")
        .set(entity, record(event.getField(entity).schema(), state))
        .build();
  }

  private GenericRecord delete(String entity, long version, Map<String, Object> key) {
    Schema event = schemas.get(entity);
    return envelope(entity, version, "DELETE")
        .set(entity + "Key", record(event.getField(entity + "Key").schema(), key))
        .build();
  }

  private GenericRecordBuilder envelope(String entity, long version, String op) {
    Schema event = schemas.get(entity);
    return new GenericRecordBuilder(event)
        .set("eventId", UUID.randomUUID().toString())
        .set("op", new GenericData.EnumSymbol(event.getField("op").schema(), op))
        .set("version", version)
        .set("occurredAt", NOW)
        .set("source", "person-model-test");
  }

  private static GenericRecord record(Schema nullable, Map<String, Object> values) {
    Schema schema =
        nullable.getType() == Schema.Type.UNION
            ? nullable.getTypes().stream()
                .filter(type -> type.getType() == Schema.Type.RECORD)
                .findFirst()
                .orElseThrow()
            : nullable;
    GenericRecordBuilder builder = new GenericRecordBuilder(schema);
    values.forEach(builder::set);
    return builder.build();
  }

  private void send(String entity, GenericRecord event) {
    GenericRecord state = (GenericRecord) event.get(entity);
    GenericRecord key = (GenericRecord) event.get(entity + "Key");
    String id = String.valueOf((state != null ? state : key).get("id"));
    inputs
        .get(entity)
        .pipeInput(new TestRecord<>(id.getBytes(StandardCharsets.UTF_8), avro(event), null, NOW));
    threadSinks.writeAll();
  }

  private static byte[] avro(GenericRecord event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      new GenericDatumWriter<GenericRecord>(event.getSchema()).write(event, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  // --- reading the table as the query API does ---

  /** The item of one instance, found by entity and id (null when absent). */
  private Map<String, Object> item(String entity, String id) {
    return table.items().values().stream()
        .filter(item -> id.equals(item.get("id")) && entity.equals(entityOf(item)))
        .findFirst()
        .orElse(null);
  }

  private String entityOf(Map<String, Object> item) {
    return entities.entityOf(item).orElseThrow().token();
  }

  /**
   * The one Query for a person with all its data: hash key = the person's (from its id and
   * timestamp), range key between the person's range key and its children's upper bound, keeping
   * the person itself and the items under its children's prefix.
   */
  private List<Map<String, Object>> personWithAllData(String personId) {
    Map<String, Object> person = item("person", personId);
    if (person == null) {
      return List.of();
    }
    Object hashKey = person.get("hashKey");
    ChildRange range = entities.childRange("person", personId);
    return table.items().values().stream()
        .filter(item -> hashKey.equals(item.get("hashKey")))
        .filter(
            item -> {
              String rangeKey = (String) item.get("rangeKey");
              return rangeKey.compareTo(range.from()) >= 0
                  && rangeKey.compareTo(range.to()) <= 0
                  && range.contains(rangeKey);
            })
        .toList();
  }

  private List<TestRecord<byte[], byte[]>> deadLetters() {
    return deadLetters.readRecordsToList();
  }

  private List<AppliedChange> appliedChanges() {
    return appliedChanges.readRecordsToList().stream()
        .map(record -> AppliedChangeJson.fromBytes(record.value()))
        .toList();
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
