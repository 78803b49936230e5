package io.shardstream.queryapi;

import static io.shardstream.queryapi.Http.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardstream.core.testing.SeedUsers;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.dynamo.LocalDynamoDb;
import io.shardstream.queryapi.Http.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Name order over HTTP on DynamoDB Local with the shipped configuration: a name comes before every
 * longer name it begins (Lee, Leeds, Leeson; Ana, Anabel; Smith, Smithe; Mart, Martin, Martínez),
 * across shards and bump eras, page by page with cursors of two items.
 */
@ExtendWith(DevStackExtension.class)
class NaturalNameOrderIT {
  private static DynamoDbClient client;
  private static QueryApiServer server;
  private static Http http;

  /** userId → {first name, last name}; ids chosen so that no id order hides the name order. */
  private static final Map<String, String[]> PEOPLE = new LinkedHashMap<>();

  static {
    PEOPLE.put("n01", new String[] {"Zoe", "Leeson"});
    PEOPLE.put("n02", new String[] {"Zoe", "Leeds"});
    PEOPLE.put("n03", new String[] {"Zoe", "Lee"});
    PEOPLE.put("n04", new String[] {"Anabel", "Quinn"});
    PEOPLE.put("n05", new String[] {"Ana", "Quinn"});
    PEOPLE.put("n06", new String[] {"Ana", "Smithe"});
    PEOPLE.put("n07", new String[] {"Ana", "Smith"});
    PEOPLE.put("n08", new String[] {"Bo", "Martínez"});
    PEOPLE.put("n09", new String[] {"Bo", "Martin"});
    PEOPLE.put("n10", new String[] {"Bo", "Mart"});
    PEOPLE.put("n11", new String[] {"Bo", "Mart"});
  }

  @BeforeAll
  static void start(DynamoDbEndpoint dynamoDb) {
    client = LocalDynamoDb.client(dynamoDb);
    String table = LocalQueryApi.createTable(client, "natural");
    long[] eras = {SeedUsers.START, SeedUsers.BUMP_4 + 5, SeedUsers.BUMP_16 + 9};
    List<Map<String, Object>> items = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String[]> person : PEOPLE.entrySet()) {
      long created = eras[i++ % eras.length];
      items.add(
          SeedUsers.user(
              person.getKey(),
              "b1",
              person.getValue()[0],
              person.getValue()[1],
              null,
              created,
              created));
    }
    LocalQueryApi.write(client, table, items);
    server = LocalQueryApi.start(dynamoDb, table, "");
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.stop();
    client.close();
  }

  @Test
  void sortByNameListsLastNamesNaturally() {
    assertThat(allPages(params("sort", "name")))
        .containsExactly(
            "n03", "n02", "n01", // Lee, Leeds, Leeson
            "n10", "n11", "n09", "n08", // Mart (twice: by created), Martin, Martínez
            "n05", "n04", // Quinn: Ana, Anabel
            "n07", "n06"); // Smith, Smithe
    assertThat(allPages(params("sort", "name", "order", "desc")))
        .containsExactly(
            "n06", "n07", "n04", "n05", "n08", "n09", "n11", "n10", "n01", "n02", "n03");
  }

  @Test
  void nameSearchesPutANameBeforeTheLongerNamesItBegins() {
    assertThat(allPages(params("name", "lee"))).containsExactly("n03", "n02", "n01");
    assertThat(allPages(params("name", "Leeds"))).containsExactly("n02");
    // First names Ana (three users: by last name), then Anabel.
    assertThat(allPages(params("name", "ana"))).containsExactly("n05", "n07", "n06", "n04");
    assertThat(allPages(params("name", "smith"))).containsExactly("n07", "n06");
    assertThat(allPages(params("name", "MART"))).containsExactly("n10", "n11", "n09", "n08");
    assertThat(allPages(params("name", "martin"))).containsExactly("n09", "n08");
    assertThat(allPages(params("name", "ana smith"))).containsExactly("n07", "n06");
  }

  /** Every page of the search, two items a page, following the cursors. */
  private static List<String> allPages(Map<String, String> search) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < 20; page++) {
      Map<String, String> parameters = new LinkedHashMap<>(search);
      parameters.put("limit", "2");
      if (cursor != null) {
        parameters.put("cursor", cursor);
      }
      Reply reply = http.get("/v1/users", parameters);
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      for (JsonNode item : reply.json().get("items")) {
        ids.add(item.get("userId").asText());
      }
      JsonNode next = reply.json().get("nextCursor");
      if (next == null || next.isNull()) {
        return ids;
      }
      cursor = next.asText();
    }
    throw new AssertionError("more than 20 pages: " + ids);
  }
}
