package io.shardstream.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardstream.core.canonical.Canonicalizer;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.ingest.EntityTopicNames;
import io.shardstream.ingest.ProgressDisplay;
import io.shardstream.ingest.RateLimiter;
import io.shardstream.ingest.file.FileImporter;
import io.shardstream.ingest.file.ImportOptions;
import io.shardstream.ingest.file.ImportReport;
import io.shardstream.ingest.file.JsonLinesEventSink;
import io.shardstream.ingest.generate.GeneratedEvent;
import io.shardstream.ingest.generate.GeneratorOptions;
import io.shardstream.ingest.generate.GeneratorRun;
import io.shardstream.ingest.generate.PersonEventGenerator;
import io.shardstream.ingest.kafka.KafkaEventSink;
import io.shardstream.ingest.model.GenericLineParser;
import io.shardstream.schemas.DeadLetterHeaders;
import io.shardstream.schemas.EntityTopics;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistrar;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.service.Settings;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The Person model end to end on the real stack: generated events (persons, their addresses, bank
 * accounts, contacts and employments, updates, deletes, children before their person, invalid
 * events) written to a generic JSON lines file, imported through {@code ingest file --model
 * person}'s path into Kafka (registry framing), applied by the generic writer to DynamoDB Local and
 * read back over HTTP from the query API; every answer compared with {@link PersonExpectedState}, a
 * model worked out from the file alone.
 */
@ExtendWith(DevStackExtension.class)
class PersonEndToEndIT {
  private static final String KEY = "person-e2e-key";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final EntityConfig MODEL = PersonEventGenerator.model();

  /** How long the writer may make no visible progress before the test gives up. */
  private static final Duration STALL = Duration.ofSeconds(90);

  @TempDir static Path data;
  private static String name;
  private static Map<String, String> topics;
  private static DemoServices services;
  private static DynamoDbClient dynamo;
  private static KafkaEndpoint kafkaEndpoint;
  private static List<String> lines;
  private static PersonExpectedState expected;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start(KafkaEndpoint kafka, DynamoDbEndpoint dynamoDb, RegistryEndpoint registry)
      throws Exception {
    kafkaEndpoint = kafka;
    name = "person-e2e-" + UUID.randomUUID().toString().substring(0, 8);
    topics = new LinkedHashMap<>();
    Map<String, String> topicSettings = new HashMap<>();
    for (String token : MODEL.entities().keySet()) {
      var entity = MODEL.entity(token).orElseThrow();
      String topic = name + "." + EntityTopics.defaultName(entity);
      topics.put(token, topic);
      topicSettings.put(EntityTopics.settingKey(entity), topic);
    }
    topicSettings.put(Topics.APPLIED_CHANGES.settingKey(), name + ".applied-changes");
    topicSettings.put(Topics.DEAD_LETTERS.settingKey(), name + ".dlq");
    // As a deployment does: the derived schemas registered on this test's topics first.
    Topics.registerSchemas(
        new SchemaRegistrar(RegistrySettings.production(registry.url())), MODEL, topics::get);

    Map<String, String> writer = new HashMap<>(topicSettings);
    writer.putAll(
        Map.of(
            "application.id", name + "-writer",
            "kafka.group.instance.id", name + "-writer",
            "dynamodb.table", name));
    Map<String, String> api = new HashMap<>(topicSettings);
    api.put("dynamodb.table", name);
    api.put("api.keys", KEY + ";reveal");
    services =
        DemoServices.start(
            new DemoServices.Stack(kafka.bootstrapServers(), registry.url(), dynamoDb.url()),
            data,
            false,
            0,
            0,
            writer,
            api,
            DemoModel.PERSON);
    dynamo =
        DynamoDbClient.builder()
            .endpointOverride(dynamoDb.url())
            .region(Region.of(DynamoDbEndpoint.REGION))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        DynamoDbEndpoint.ACCESS_KEY_ID, DynamoDbEndpoint.SECRET_ACCESS_KEY)))
            .build();

    // generate --model person --out FILE
    Path file = data.resolve("persons.jsonl");
    List<GeneratedEvent> events =
        PersonEventGenerator.generate(
            GeneratorOptions.defaults().withUsers(60).withSeed(29), topics::get);
    try (JsonLinesEventSink sink = JsonLinesEventSink.toFile(file)) {
      assertThat(
              GeneratorRun.run(
                      events.iterator(),
                      events.size(),
                      sink,
                      RateLimiter.perSecond(0),
                      ProgressDisplay.onStderr(true))
                  .succeeded())
          .isTrue();
    }
    lines = Files.readAllLines(file);
    expected = PersonExpectedState.of(lines);

    // ingest file FILE --model person
    long importStarted = System.nanoTime();
    Settings settings = Settings.of(topicSettings);
    try (KafkaEventSink sink =
        KafkaEventSink.create(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            ChangeEventSerdes.registry(RegistrySettings.production(registry.url())))) {
      ImportReport report =
          FileImporter.run(
              file,
              ImportOptions.defaults(),
              new GenericLineParser(
                  MODEL, EntityTopicNames.of(MODEL, settings), Instant.now(), "e2e"),
              sink,
              ProgressDisplay.onStderr(true));
      assertThat(report.exitCode()).as(report.summary()).isZero();
      assertThat(report.eventsAcknowledged()).isEqualTo(lines.size());
    }
    awaitProgress(
        "the writer accounts for every event",
        () -> services.writerEventsAccounted(),
        lines.size());
    System.out.printf(
        "PersonEndToEndIT: %d events (%d invalid) imported and accounted for by the writer in %d"
            + " ms; expected: %d persons alive, %d deleted, %d children alive%n",
        lines.size(),
        expected.invalidReasons().size(),
        Duration.ofNanos(System.nanoTime() - importStarted).toMillis(),
        expected.persons().size(),
        expected.deletedPersons().size(),
        PersonExpectedState.CHILDREN.stream()
            .mapToInt(c -> expected.all().getOrDefault(c, Map.of()).size())
            .sum());
  }

  @AfterAll
  static void stop() {
    if (services != null) {
      services.close();
    }
    if (dynamo != null) {
      dynamo.close();
    }
  }

  @Test
  void theTableHoldsExactlyTheModelsInstancesChildrenInTheirPersonsPartition() {
    Map<String, String> expectedKeys = new TreeMap<>();
    expected
        .all()
        .forEach(
            (entity, byId) ->
                byId.keySet().forEach(id -> expectedKeys.put(entity + "/" + id, entity)));
    List<Map<String, AttributeValue>> items =
        awaitValue(
            "the table holds the model's instances",
            PersonEndToEndIT::scan,
            scanned -> instanceKeys(scanned).equals(expectedKeys.keySet()));
    Map<String, String> personHashKeys = new HashMap<>();
    for (Map<String, AttributeValue> item : items) {
      if (entityOf(item).equals("person")) {
        personHashKeys.put(item.get("id").s(), item.get("hashKey").s());
      }
    }
    for (Map<String, AttributeValue> item : items) {
      String entity = entityOf(item);
      if (!entity.equals("person")) {
        // Children sent before their person included: always in the person's partition.
        assertThat(item.get("hashKey").s())
            .as(entity + " " + item.get("id").s())
            .isEqualTo(personHashKeys.get(item.get("personId").s()));
      }
    }
    assertThat(expected.persons()).hasSizeGreaterThan(40);
    assertThat(childrenBeforeTheirPerson())
        .as("children sent before their person, checked above like the others")
        .isNotEmpty();
  }

  /** Children (still alive) whose first line comes before their person's first line. */
  private static Set<String> childrenBeforeTheirPerson() {
    Set<String> personsSeen = new TreeSet<>();
    Set<String> early = new TreeSet<>();
    for (String text : lines) {
      JsonNode line;
      try {
        line = JSON.readTree(text);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      JsonNode item = line.get("item");
      String entity = line.get("entity").asText();
      if (entity.equals("person")) {
        personsSeen.add(item.get("id").asText());
      } else if (!personsSeen.contains(item.get("personId").asText())
          && expected.all().getOrDefault(entity, Map.of()).containsKey(item.get("id").asText())) {
        early.add(entity + "/" + item.get("id").asText());
      }
    }
    return early;
  }

  @Test
  void everyPersonWithAllItsDataComesFromOneQuery() throws Exception {
    awaitTable();
    for (PersonExpectedState.Instance person : expected.persons()) {
      JsonNode body = ok("/v1/persons/" + encode(person.id()) + "?include=all");
      assertThat(
              plain(
                  without(
                      body, "stats", "addresses", "bankAccounts", "contactInfos", "employments")))
          .as(person.id())
          .isEqualTo(plain(person.item()));
      // One Query for the family; a person created before later shard bumps is looked for under
      // the newer bumps' keys first, one Query each.
      assertThat(body.at("/stats/queries").asInt())
          .as(person.id())
          .isEqualTo(candidateKeys(person.item().get("createdAt").asLong()));
      for (String child : PersonExpectedState.CHILDREN) {
        String plural = MODEL.entity(child).orElseThrow().plural();
        assertThat(byId(body.get(plural)))
            .as(person.id() + " " + plural)
            .isEqualTo(expectedChildren(person.id(), child));
      }
    }
  }

  @Test
  void eachChildListOfEveryPerson() throws Exception {
    awaitTable();
    for (PersonExpectedState.Instance person : expected.persons()) {
      for (String child : PersonExpectedState.CHILDREN) {
        String plural = MODEL.entity(child).orElseThrow().plural();
        JsonNode body = ok("/v1/persons/" + encode(person.id()) + "/" + plural);
        assertThat(byId(body.get("items")))
            .as(person.id() + " " + plural)
            .isEqualTo(expectedChildren(person.id(), child));
      }
    }
  }

  @Test
  void theListOfPersonsIsExactlyOrderedByCreatedAtOverEveryPage() throws Exception {
    awaitTable();
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          ok("/v1/persons?limit=7" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
      page.get("items").forEach(item -> seen.add(item.get("id").asText()));
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
    } while (cursor != null);
    assertThat(seen)
        .isEqualTo(expected.persons().stream().map(PersonExpectedState.Instance::id).toList());
  }

  @Test
  void searchesPersonsByName() throws Exception {
    awaitTable();
    PersonExpectedState.Instance sample = expected.persons().get(expected.persons().size() / 2);
    String prefix = Canonicalizer.canonicalize(sample.item().get("lastName").asText());
    prefix = prefix.substring(0, Math.min(3, prefix.length()));
    String p = prefix;
    Set<String> wanted = new TreeSet<>();
    for (PersonExpectedState.Instance person : expected.persons()) {
      if (Canonicalizer.canonicalize(person.item().get("firstName").asText()).startsWith(p)
          || Canonicalizer.canonicalize(person.item().get("lastName").asText()).startsWith(p)) {
        wanted.add(person.id());
      }
    }
    Set<String> found = new TreeSet<>();
    ok("/v1/persons?name=" + encode(prefix) + "&limit=100")
        .get("items")
        .forEach(item -> found.add(item.get("id").asText()));
    assertThat(found).contains(sample.id()).isEqualTo(wanted);
  }

  @Test
  void deletedPersonsAreGoneWithTheirChildren() throws Exception {
    awaitTable();
    assertThat(expected.deletedPersons()).isNotEmpty();
    for (String id : expected.deletedPersons()) {
      assertThat(get("/v1/persons/" + encode(id)).statusCode()).as(id).isEqualTo(404);
    }
    Set<String> deleted = expected.deletedPersons();
    for (Map<String, AttributeValue> item : scan()) {
      if (item.containsKey("personId")) {
        assertThat(deleted).doesNotContain(item.get("personId").s());
      }
    }
  }

  @Test
  void invalidEventsAreDeadLetteredWithTheirReasons() {
    List<String> reasons =
        awaitValue(
            "every invalid event dead-lettered",
            PersonEndToEndIT::deadLetterReasons,
            found ->
                new ArrayList<>(found).containsAll(expected.invalidReasons())
                    && found.size() >= expected.invalidReasons().size());
    for (String reason : expected.invalidReasons()) {
      assertThat(reasons).contains(reason);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** A person created in bump period k is found after trying every newer bump's key first. */
  private static int candidateKeys(long createdAt) {
    var bumps = MODEL.entity("person").orElseThrow().shardBumps();
    int newer = 0;
    for (var bump : bumps) {
      if (bump.timestamp() > createdAt) {
        newer++;
      }
    }
    return 1 + newer;
  }

  private static Map<String, Object> expectedChildren(String personId, String child) {
    Map<String, Object> children = new TreeMap<>();
    expected.children(personId, child).forEach((id, c) -> children.put(id, plain(c.item())));
    return children;
  }

  private static Map<String, Object> byId(JsonNode array) {
    Map<String, Object> items = new TreeMap<>();
    if (array != null) {
      array.forEach(item -> items.put(item.get("id").asText(), plain(item)));
    }
    return items;
  }

  private static JsonNode without(JsonNode body, String... fields) {
    var copy = body.deepCopy();
    for (String field : fields) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(field);
    }
    return copy;
  }

  /** JSON as plain values, numbers compared by value (72000.5 = 72000.50, 3 = 3.0). */
  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new TreeMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(plain(n)));
      return list;
    }
    if (node.isNumber()) {
      return new BigDecimal(node.asText()).stripTrailingZeros();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.isNull() ? null : node.asText();
  }

  private static JsonNode ok(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI uri = services.queryApiUri().resolve(path);
    return HTTP.send(
        HttpRequest.newBuilder(uri).header("X-Api-Key", KEY).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void awaitTable() {
    awaitValue(
        "the table holds the model's instances",
        PersonEndToEndIT::scan,
        scanned -> {
          Set<String> keys = new TreeSet<>();
          expected.all().forEach((e, byId) -> byId.keySet().forEach(id -> keys.add(e + "/" + id)));
          return instanceKeys(scanned).equals(keys);
        });
  }

  private static List<Map<String, AttributeValue>> scan() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    dynamo.scanPaginator(ScanRequest.builder().tableName(name).build()).items().forEach(items::add);
    return items;
  }

  private static Set<String> instanceKeys(List<Map<String, AttributeValue>> items) {
    Set<String> keys = new TreeSet<>();
    items.forEach(item -> keys.add(entityOf(item) + "/" + item.get("id").s()));
    return keys;
  }

  /**
   * Which entity an item is, read from its keys without core's code: a co-located child's range key
   * ends in {@code ,<token>#<id>}; a person's hash key starts with {@code person!}.
   */
  private static String entityOf(Map<String, AttributeValue> item) {
    String range = item.get("rangeKey").s();
    int comma = range.lastIndexOf(',');
    if (comma >= 0) {
      return range.substring(comma + 1, range.indexOf('#', comma));
    }
    String hash = item.get("hashKey").s();
    int bang = hash.indexOf('!');
    return bang < 0 ? hash : hash.substring(0, bang);
  }

  private static List<String> deadLetterReasons() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaEndpoint.bootstrapServers());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<String> reasons = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      var partitions =
          consumer.partitionsFor(name + ".dlq", Duration.ofSeconds(10)).stream()
              .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          var header = record.headers().lastHeader(DeadLetterHeaders.REASON);
          if (header != null) {
            reasons.add(new String(header.value(), StandardCharsets.UTF_8));
          }
        }
      }
    } catch (org.apache.kafka.common.errors.TimeoutException noTopicYet) {
      return List.of();
    }
    return reasons;
  }

  /** Polls until {@code done}; fails when the value has not changed for {@link #STALL}. */
  private static <T> T awaitValue(
      String what, Supplier<T> read, java.util.function.Predicate<T> done) {
    T last = null;
    long lastChange = System.nanoTime();
    while (true) {
      T value = read.get();
      if (done.test(value)) {
        return value;
      }
      if (!value.equals(last)) {
        last = value;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > STALL.toNanos()) {
        return fail(what + ": no progress for " + STALL + "; last seen " + summary(value));
      }
      sleep();
    }
  }

  private static void awaitProgress(String what, Supplier<Long> read, long target) {
    awaitValue(what, read, value -> value >= target);
  }

  private static String summary(Object value) {
    String text = String.valueOf(value);
    return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
