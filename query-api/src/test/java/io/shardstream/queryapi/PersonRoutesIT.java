package io.shardstream.queryapi;

import static io.shardstream.queryapi.Http.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardstream.core.canonical.Canonicalizer;
import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.dynamo.LocalDynamoDb;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.table.TableCreator;
import io.shardstream.dynamo.write.BatchWriteResult;
import io.shardstream.dynamo.write.BatchWriter;
import io.shardstream.dynamo.write.WriteOperation;
import io.shardstream.queryapi.Http.Reply;
import io.shardstream.schemas.ExampleConfigs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Person model's routes on DynamoDB Local, served from its config alone: a person with all its
 * data from one Query, each child list, persons in one order across shards, name search, masking,
 * and the problems of unknown names. Items are keyed by core's EntityManager and written directly,
 * not through the writer; the expected answers come from the items written (a model of the table).
 */
@ExtendWith(DevStackExtension.class)
class PersonRoutesIT {
  private static final String ADMIN = "person-admin";
  private static final String REVEALER = "person-revealer";
  private static final EntityConfig CONFIG = ConfigLoader.parse(ExampleConfigs.person());
  private static final EntityManager MANAGER = new EntityManager(CONFIG);

  /** After the example's last shard bump (16 shards). */
  private static final long RECENT = 1_735_689_600_000L + 86_400_000L;

  /** Before the first bump: unsharded, the oldest of the three candidate keys. */
  private static final long OLD = 1_700_000_000_000L;

  private static final String[][] NAMES = {
    {"Ada", "Lovelace"}, {"Adam", "Smith"}, {"Grace", "Hopper"}, {"Alan", "Turing"},
    {"Edsger", "Dijkstra"}, {"Barbara", "Liskov"}, {"Donald", "Knuth"}, {"Frances", "Allen"},
    {"John", "Backus"}, {"Radia", "Perlman"}, {"Ken", "Thompson"}, {"Margaret", "Hamilton"},
    {"Niklaus", "Wirth"}, {"Tony", "Hoare"}, {"Leslie", "Lamport"}, {"Shafi", "Goldwasser"},
    {"Adele", "Goldberg"}, {"Ivan", "Sutherland"}, {"Jean", "Sammet"}, {"Dennis", "Ritchie"}
  };

  private static DynamoDbEndpoint dynamoDb;
  private static String table;
  private static DynamoDbClient client;
  private static QueryApiServer server;
  private static Http http;

  /** The model: every person and child written, as clients should see them. */
  private static final List<Map<String, Object>> PERSONS = new ArrayList<>();

  private static final Map<String, Map<String, List<Map<String, Object>>>> CHILDREN =
      new LinkedHashMap<>();

  @BeforeAll
  static void start(DynamoDbEndpoint endpoint) {
    dynamoDb = endpoint;
    client = LocalDynamoDb.client(endpoint);
    table = LocalDynamoDb.tableName("person");
    TableCreator.ensure(client, table, CONFIG);
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < NAMES.length; i++) {
      // p-1 and p-10 both exist: ids that are prefixes of each other share no children.
      String id = "p-" + (i + 1);
      long created = i == NAMES.length - 1 ? OLD : RECENT + 7_919L * i;
      Map<String, Object> person = new LinkedHashMap<>();
      person.put("id", id);
      person.put("firstName", NAMES[i][0]);
      person.put("lastName", NAMES[i][1]);
      person.put("dateOfBirth", "1990-01-" + String.format("%02d", i + 1));
      person.put("gender", i % 2 == 0 ? "female" : "male");
      person.put("createdAt", created);
      person.put("updatedAt", created + 1);
      PERSONS.add(person);
      items.add(MANAGER.addKeys("person", person));
      Map<String, List<Map<String, Object>>> children = new LinkedHashMap<>();
      CHILDREN.put(id, children);
      int addresses = i == 0 ? 2 : 1;
      for (int a = 0; a < addresses; a++) {
        child(items, children, "address", id, created, "a-" + (i + 1) + "-" + a, address(a));
      }
      if (i % 3 == 0) {
        child(
            items,
            children,
            "bankAccount",
            id,
            created,
            "b-" + (i + 1),
            Map.of(
                "bankName",
                "Bank " + i,
                "accountType",
                "checking",
                "iban",
                "DE89370400440532013000",
                "isPrimary",
                true));
      }
      child(
          items,
          children,
          "contactInfo",
          id,
          created,
          "c-" + (i + 1),
          Map.of(
              "type",
              "email",
              "value",
              NAMES[i][0].toLowerCase() + "@example.com",
              "isPrimary",
              true,
              "isVerified",
              i % 2 == 0));
      if (i < 2) {
        child(
            items,
            children,
            "employment",
            id,
            created,
            "e-" + (i + 1),
            Map.of(
                "companyName", "Analytical Engines Ltd",
                "startDate", "2020-01-01",
                "isCurrent", true,
                "salary", 91500.5,
                "currency", "GBP"));
      }
    }
    write(table, items);
    server =
        LocalQueryApi.start(endpoint, table, ADMIN + "," + REVEALER + ";" + ApiKeys.REVEAL, CONFIG);
    http = new Http(server.port());
  }

  private static Map<String, Object> address(int n) {
    return Map.of(
        "type",
        n == 0 ? "home" : "work",
        "street",
        n + " Marylebone Road",
        "city",
        "London",
        "country",
        "GB",
        "isPrimary",
        n == 0);
  }

  private static void child(
      List<Map<String, Object>> items,
      Map<String, List<Map<String, Object>>> children,
      String token,
      String personId,
      long personCreatedAt,
      String id,
      Map<String, Object> values) {
    Map<String, Object> item = new LinkedHashMap<>(values);
    item.put("id", id);
    item.put("personId", personId);
    item.put("personCreatedAt", personCreatedAt);
    items.add(MANAGER.addKeys(token, item));
    children.computeIfAbsent(token, t -> new ArrayList<>()).add(item);
  }

  private static void write(String table, List<Map<String, Object>> items) {
    List<WriteOperation> puts =
        items.stream().map(WriteOperation::putItem).map(WriteOperation.class::cast).toList();
    BatchWriteResult result =
        BatchWriter.builder(client, table, TableKeys.of(CONFIG)).build().write(puts);
    assertThat(result.allWritten()).as("writes refused: %s", result.rejected()).isTrue();
  }

  @AfterAll
  static void stop() {
    server.stop();
    client.close();
  }

  private static Reply get(String key, String path, Map<String, String> parameters) {
    return http.get(path, parameters, Optional.of(key));
  }

  private static Reply ok(String path, String... parameters) {
    Reply reply = get(ADMIN, path, params(parameters));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply;
  }

  private static List<String> ids(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(i -> i.get("id").asText()).toList();
  }

  private static Set<String> expectedIds(String personId, String token) {
    Set<String> ids = new TreeSet<>();
    CHILDREN
        .get(personId)
        .getOrDefault(token, List.of())
        .forEach(c -> ids.add((String) c.get("id")));
    return ids;
  }

  @Test
  void servesAPersonByIdWithoutKeysOrDerivedNames() {
    JsonNode person = ok("/v1/persons/p-3").json();

    assertThat(person.get("id").asText()).isEqualTo("p-3");
    assertThat(person.get("firstName").asText()).isEqualTo("Grace");
    assertThat(person.get("createdAt").asLong()).isEqualTo(RECENT + 7_919L * 2);
    assertThat(person.has("hashKey")).isFalse();
    assertThat(person.has("firstNameCanonical")).isFalse();
    assertThat(person.has("stats")).isFalse();
  }

  @Test
  void includeAllIsOneQueryWithExactlyThePersonsChildren() {
    for (String id : List.of("p-1", "p-10", "p-2")) {
      JsonNode body = ok("/v1/persons/" + id, "include", "all").json();

      assertThat(body.get("id").asText()).isEqualTo(id);
      assertThat(body.at("/stats/queries").asInt()).isEqualTo(1);
      assertThat(body.at("/stats/lookups").asInt()).isZero();
      assertThat(new TreeSet<>(ids(body.get("addresses")))).isEqualTo(expectedIds(id, "address"));
      assertThat(new TreeSet<>(ids(body.get("bankAccounts"))))
          .isEqualTo(expectedIds(id, "bankAccount"));
      assertThat(new TreeSet<>(ids(body.get("contactInfos"))))
          .isEqualTo(expectedIds(id, "contactInfo"));
      assertThat(new TreeSet<>(ids(body.get("employments"))))
          .isEqualTo(expectedIds(id, "employment"));
      body.get("addresses").forEach(a -> assertThat(a.get("personId").asText()).isEqualTo(id));
    }
  }

  @Test
  void includeNamesSomeChildrenAndAnOldPersonCostsAQueryPerCandidateBump() {
    JsonNode some = ok("/v1/persons/p-1", "include", "addresses, employments").json();
    assertThat(ids(some.get("addresses"))).containsExactlyInAnyOrder("a-1-0", "a-1-1");
    assertThat(ids(some.get("employments"))).containsExactly("e-1");
    assertThat(some.has("bankAccounts")).isFalse();
    assertThat(some.has("contactInfos")).isFalse();

    // p-20 was created before the first bump: its key is the oldest of three candidates, and the
    // newest is tried first.
    JsonNode old = ok("/v1/persons/p-20", "include", "all").json();
    assertThat(old.at("/stats/queries").asInt()).isEqualTo(3);
    assertThat(ids(old.get("contactInfos"))).containsExactly("c-20");
  }

  @Test
  void eachChildRouteIsOneQueryOfThatKindOnly() {
    for (String id : List.of("p-1", "p-10", "p-4")) {
      for (String[] kind :
          List.of(
              new String[] {"addresses", "address"},
              new String[] {"bankAccounts", "bankAccount"},
              new String[] {"contactInfos", "contactInfo"},
              new String[] {"employments", "employment"})) {
        JsonNode body = ok("/v1/persons/" + id + "/" + kind[0]).json();
        assertThat(new TreeSet<>(ids(body.get("items"))))
            .as(id + " " + kind[0])
            .isEqualTo(expectedIds(id, kind[1]));
        assertThat(body.at("/stats/queries").asInt()).isEqualTo(1);
      }
    }
  }

  @Test
  void listsEveryPersonInOneOrderAcrossShards() {
    List<String> expected =
        PERSONS.stream()
            .sorted(
                Comparator.comparing((Map<String, Object> p) -> (Long) p.get("createdAt"))
                    .thenComparing(p -> (String) p.get("id")))
            .map(p -> (String) p.get("id"))
            .toList();
    for (String order : List.of("asc", "desc")) {
      List<String> seen = new ArrayList<>();
      Optional<String> cursor = Optional.empty();
      int pages = 0;
      do {
        Map<String, String> parameters = params("limit", "7", "order", order);
        cursor.ifPresent(c -> parameters.put("cursor", c));
        JsonNode page = get(ADMIN, "/v1/persons", parameters).json();
        seen.addAll(ids(page.get("items")));
        cursor = Optional.ofNullable(page.get("nextCursor")).map(JsonNode::asText);
        pages++;
      } while (cursor.isPresent());
      assertThat(seen).isEqualTo(order.equals("asc") ? expected : expected.reversed());
      assertThat(pages).isEqualTo(3);
    }
    JsonNode first = ok("/v1/persons", "limit", "3").json();
    assertThat(first.at("/stats/partitionsQueried").asInt()).isGreaterThan(1);
  }

  @Test
  void searchesPersonsByCanonicalName() {
    List<String> expected =
        PERSONS.stream()
            .filter(
                p ->
                    Canonicalizer.canonicalize((String) p.get("firstName")).startsWith("ad")
                        || Canonicalizer.canonicalize((String) p.get("lastName")).startsWith("ad"))
            .map(p -> (String) p.get("id"))
            .sorted()
            .toList();
    List<String> found = new ArrayList<>(ids(ok("/v1/persons", "name", "AD").json().get("items")));
    found.sort(null);
    assertThat(found).isEqualTo(expected).containsExactly("p-1", "p-17", "p-2");
    assertThat(ids(ok("/v1/persons", "name", "grace hop").json().get("items")))
        .containsExactly("p-3");
    assertThat(ids(ok("/v1/persons", "name", "hopper g").json().get("items")))
        .containsExactly("p-3");
  }

  @Test
  void masksSensitiveAttributesUnlessTheKeyMayRevealThem() {
    JsonNode masked = ok("/v1/persons/p-1", "include", "all").json();
    assertThat(masked.get("dateOfBirth").asText()).isEqualTo("•••");
    assertThat(masked.at("/bankAccounts/0/iban").asText()).isEqualTo("•••3000");
    assertThat(masked.at("/employments/0/salary").asText()).isEqualTo("•••");
    assertThat(masked.at("/contactInfos/0/value").asText()).isEqualTo("•••.com");
    assertThat(masked.at("/bankAccounts/0/bankName").asText()).isEqualTo("Bank 0");
    JsonNode maskedList = ok("/v1/persons/p-1/bankAccounts").json();
    assertThat(maskedList.at("/items/0/iban").asText()).isEqualTo("•••3000");
    assertThat(ok("/v1/persons", "name", "ada").json().at("/items/0/dateOfBirth").asText())
        .isEqualTo("•••");

    Reply reply = get(REVEALER, "/v1/persons/p-1", params("include", "all"));
    JsonNode revealed = reply.json();
    assertThat(revealed.get("dateOfBirth").asText()).isEqualTo("1990-01-01");
    assertThat(revealed.at("/bankAccounts/0/iban").asText()).isEqualTo("DE89370400440532013000");
    assertThat(revealed.at("/employments/0/salary").asDouble()).isEqualTo(91500.5);
    assertThat(revealed.at("/contactInfos/0/value").asText()).isEqualTo("ada@example.com");
  }

  @Test
  void unknownNamesAreProblems() {
    Reply entity = get(ADMIN, "/v1/pets", Map.of());
    assertThat(entity.status()).isEqualTo(404);
    assertThat(entity.isProblem()).isTrue();
    assertThat(entity.json().get("detail").asText())
        .contains("/v1/pets")
        .contains("persons")
        .contains("addresses");

    Reply child = get(ADMIN, "/v1/persons/p-1/pets", Map.of());
    assertThat(child.status()).isEqualTo(404);
    assertThat(child.isProblem()).isTrue();
    assertThat(child.json().get("detail").asText()).contains("pets").contains("bankAccounts");

    Reply include = get(ADMIN, "/v1/persons/p-1", params("include", "addresses,pets"));
    assertThat(include.status()).isEqualTo(400);
    assertThat(include.isProblem()).isTrue();
    assertThat(include.json().at("/errors/0/parameter").asText()).isEqualTo("include");
    assertThat(include.json().at("/errors/0/message").asText())
        .contains("'pets'")
        .contains("addresses,bankAccounts,contactInfos,employments");

    Reply alone = get(ADMIN, "/v1/addresses/a-1-0", Map.of());
    assertThat(alone.status()).isEqualTo(404);
    assertThat(alone.json().get("detail").asText()).contains("/v1/persons/{id}/addresses");
    Reply listed = get(ADMIN, "/v1/addresses", Map.of());
    assertThat(listed.status()).isEqualTo(404);
    assertThat(listed.json().get("detail").asText()).contains("/v1/persons/{id}/addresses");

    Reply nobody = get(ADMIN, "/v1/persons/p-999", params("include", "all"));
    assertThat(nobody.status()).isEqualTo(404);
    assertThat(get(ADMIN, "/v1/persons/p-999/addresses", Map.of()).status()).isEqualTo(404);
    Reply parameter = get(ADMIN, "/v1/persons", params("phone", "1"));
    assertThat(parameter.status()).isEqualTo(400);
    assertThat(parameter.json().at("/errors/0/message").asText()).contains("createdAtFrom");
  }

  @Test
  void aKeyBoundToAValueIsRefusedAtStartWithoutAKeyBinding() {
    assertThatThrownBy(() -> LocalQueryApi.start(dynamoDb, table, ADMIN + ",bound:v-1", CONFIG))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("declares no keyBinding")
        .hasMessageContaining("\"keyBinding\": {\"property\"");
  }

  @Test
  void theOpenApiDocumentDescribesThePersonRoutes() {
    JsonNode paths = http.get(QueryApi.OPENAPI_PATH).json().get("paths");
    assertThat(paths.has("/v1/persons")).isTrue();
    assertThat(paths.has("/v1/persons/{id}")).isTrue();
    for (String child : List.of("addresses", "bankAccounts", "contactInfos", "employments")) {
      assertThat(paths.has("/v1/persons/{id}/" + child)).as(child).isTrue();
    }
    assertThat(paths.has("/v1/addresses")).isFalse();
    assertThat(paths.has("/v1/users")).isFalse();
  }
}
