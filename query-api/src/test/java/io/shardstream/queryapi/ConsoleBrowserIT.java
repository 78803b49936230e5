package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardstream.core.testing.SeedUsers;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.dynamo.LocalDynamoDb;
import io.shardstream.queryapi.Http.Reply;
import io.shardstream.queryapi.testing.HeadlessChromium;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The console in headless Chromium against the query API on DynamoDB Local: what it shows is what
 * the API answers, page for page; the URL holds the search; errors show the problem's detail; a
 * bound key sees its beneficiary only; and the browser logs no error of its own.
 */
@ExtendWith(DevStackExtension.class)
class ConsoleBrowserIT {
  private static final String ADMIN = "console-admin";
  private static final String BOUND = "console-b1";
  private static final int USERS = 23;
  private static DynamoDbClient client;
  private static QueryApiServer server;
  private static Http http;
  private static HeadlessChromium browser;

  @BeforeAll
  static void start(DynamoDbEndpoint dynamoDb) {
    client = LocalDynamoDb.client(dynamoDb);
    String table = LocalQueryApi.createTable(client, "console");
    List<Map<String, Object>> items = new ArrayList<>();
    String[] lastNames = {
      "Lee", "Leeds", "Leeson", "Martin", "Martínez", "Mart", "Smith", "Smithe"
    };
    for (int i = 0; i < USERS; i++) {
      long created = SeedUsers.BUMP_16 + 1000L * i;
      items.add(
          SeedUsers.user(
              "u-" + i,
              "b" + (1 + i % 2),
              "First" + (char) ('a' + i),
              lastNames[i % lastNames.length],
              null,
              created,
              created + 1));
    }
    items.add(SeedUsers.email("first@example.com", "u-3", SeedUsers.BUMP_16 + 5));
    items.add(SeedUsers.email("second@example.com", "u-3", SeedUsers.BUMP_16 + 6));
    LocalQueryApi.write(client, table, items);
    server = LocalQueryApi.start(dynamoDb, table, ADMIN + "," + BOUND + ":b1");
    http = new Http(server.port());
    browser = new HeadlessChromium();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    server.stop();
    client.close();
  }

  @BeforeEach
  void clearConsoleLog() {
    browser.consoleMessages();
  }

  @AfterEach
  void noScriptErrors() {
    assertThat(browser.scriptErrors()).as("the page's own errors").isEmpty();
  }

  private static String console(String query) {
    return "http://localhost:" + server.port() + "/console/" + (query.isEmpty() ? "" : "?" + query);
  }

  /** Opens the console afresh, answers its key prompt with {@code key}, and waits for the page. */
  private static void signIn(String key, String query) {
    browser.open(console(query));
    browser.driver().executeScript("sessionStorage.clear()");
    browser.open(console(query));
    browser.waitFor("the key prompt", () -> browser.find("#key-panel").isDisplayed());
    browser.find("#key-input").sendKeys(key);
    browser.find("#key-form button[type=submit]").click();
    awaitResults();
  }

  private static String awaitResults() {
    browser.waitFor(
        "the search to settle",
        () -> !"loading".equals(browser.find(".results").getDomAttribute("data-state")));
    return browser.find(".results").getDomAttribute("data-state");
  }

  private static List<String> shownIds() {
    return browser.findAll(".results tbody tr").stream()
        .map((WebElement row) -> row.getDomAttribute("data-id"))
        .toList();
  }

  private static List<String> apiIds(String key, Map<String, String> search) {
    List<String> ids = new ArrayList<>();
    Map<String, String> parameters = new LinkedHashMap<>(search);
    while (true) {
      Reply reply = http.get("/v1/users", parameters, Optional.of(key));
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      reply.json().get("items").forEach(item -> ids.add(item.get("userId").asText()));
      JsonNode next = reply.json().get("nextCursor");
      if (next == null) {
        return ids;
      }
      parameters.put("cursor", next.asText());
    }
  }

  @Test
  void pagesThroughASearchToTheEndExactlyAsTheApiDoesAndBack() {
    signIn(ADMIN, "search=users&sort=name&limit=5");
    List<List<String>> pages = new ArrayList<>();
    pages.add(shownIds());
    browser.screenshot("console-search");
    while (browser.find(".results button.next").isEnabled()) {
      browser.find(".results button.next").click();
      assertThat(awaitResults()).isEqualTo("page");
      pages.add(shownIds());
    }

    assertThat(pages.stream().flatMap(List::stream).toList())
        .isEqualTo(apiIds(ADMIN, Map.of("sort", "name", "limit", "5")))
        .hasSize(USERS);
    assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(5));

    browser.find(".results button.previous").click();
    awaitResults();
    assertThat(shownIds()).isEqualTo(pages.get(pages.size() - 2));
  }

  @Test
  void theUrlHoldsTheSearchSoThatItCanBeShared() {
    signIn(ADMIN, "search=users&name=lee&sort=name");
    String shared = browser.driver().getCurrentUrl();
    List<String> shown = shownIds();

    browser.open(shared);
    awaitResults();

    assertThat(shownIds()).isEqualTo(shown).isEqualTo(apiIds(ADMIN, Map.of("name", "lee")));
    assertThat(browser.find("form.search input[name=name]").getDomProperty("value"))
        .isEqualTo("lee");
  }

  @Test
  void opensAUserWithItsEmails() {
    signIn(ADMIN, "search=users&sort=created&order=asc&limit=10");
    browser.find(".results tbody tr[data-id='u-3']").click();
    browser.waitFor(
        "the user's emails",
        () -> "page".equals(browser.find(".related-items").getDomAttribute("data-state")));

    assertThat(browser.find("#view h2").getText()).isEqualTo("User u-3");
    assertThat(browser.find(".detail").getText())
        .doesNotContain("null")
        .doesNotContain("undefined");
    assertThat(browser.find("dd[data-property=userId]").getText()).isEqualTo("u-3");
    assertThat(browser.find("dd[data-property=lastName]").getText()).isEqualTo("Martin");
    assertThat(browser.findAll(".related-items tbody tr").stream().map(WebElement::getText))
        .hasSize(2)
        .anySatisfy(row -> assertThat(row).contains("first@example.com"))
        .anySatisfy(row -> assertThat(row).contains("second@example.com"));
    browser.screenshot("console-detail");
  }

  @Test
  void showsTheProblemDetailAndTheEmptyState() {
    signIn(ADMIN, "search=users&createdFrom=yesterday");
    assertThat(browser.find(".results").getDomAttribute("data-state")).isEqualTo("problem");
    String problem = browser.find(".results .problem").getText();
    Reply api = http.get("/v1/users", Map.of("createdFrom", "yesterday"), Optional.of(ADMIN));
    assertThat(problem)
        .contains(api.json().get("title").asText())
        .contains("createdFrom")
        .contains(api.json().get("errors").get(0).get("message").asText());
    browser.screenshot("console-problem");

    browser.open(console("search=users&name=nobodyhere"));
    assertThat(awaitResults()).isEqualTo("empty");
    assertThat(browser.find(".results .empty").getText()).isEqualTo("No users match.");
  }

  @Test
  void aBoundKeySeesItsBeneficiaryOnly() {
    signIn(BOUND, "search=users&sort=created&limit=100");
    List<String> shown = shownIds();
    assertThat(shown)
        .isNotEmpty()
        .isEqualTo(apiIds(BOUND, Map.of("sort", "created", "limit", "100")))
        .allSatisfy(id -> assertThat(Integer.parseInt(id.substring(2)) % 2).isZero());

    browser.open(console("search=users&beneficiaryId=b2"));
    assertThat(awaitResults()).isEqualTo("problem");
    assertThat(browser.find(".results .problem").getText()).contains("403");

    browser.open(console("entity=users&id=u-1"));
    browser.waitFor(
        "the lookup to settle",
        () -> !"loading".equals(browser.find(".detail").getDomAttribute("data-state")));
    assertThat(browser.find(".detail .problem").getText()).contains("404");
  }
}
