package io.shardstream.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.queryapi.testing.HeadlessChromium;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * The console's live panel in headless Chromium on the demo's writer and query API: events produced
 * to Kafka appear in the open page without a reload, link to the item's detail, and the browser
 * logs no error.
 */
@ExtendWith(DevStackExtension.class)
class ConsoleLiveBrowserIT {
  @TempDir static Path data;
  private static LiveChangesStack stack;
  private static HeadlessChromium browser;

  @BeforeAll
  static void start(KafkaEndpoint kafka, DynamoDbEndpoint dynamoDb, RegistryEndpoint registry) {
    stack = LiveChangesStack.start("console-live-it", data, kafka, dynamoDb, registry, Map.of());
    browser = new HeadlessChromium();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  private static List<String> liveIds() {
    return browser.findAll("#live-list tr").stream()
        .map((WebElement row) -> row.getDomAttribute("data-id"))
        .toList();
  }

  @Test
  void producedEventsAppearLiveWithoutAReloadAndLinkToTheirItem() throws Exception {
    browser.open(stack.queryApi() + "/console/?search=users&sort=name");
    browser.waitFor(
        "the live panel to connect",
        () -> "live".equals(browser.find("#live-panel").getDomAttribute("data-state")));
    // Set on this page: gone if anything reloads it.
    browser.driver().executeScript("window.__sameDocument = true");
    browser.consoleMessages();

    String[][] people = {
      {"u-ana", "Ana", "Gómez"},
      {"u-bo", "Bo", "Lindqvist"},
      {"u-chen", "Chen", "Wei"},
      {"u-dara", "Dara", "Okafor"},
      {"u-eli", "Eli", "Sørensen"}
    };
    long start = System.nanoTime();
    stack.upsertUser(people[0][0], "b-1", people[0][1], people[0][2], 1);
    browser.waitFor("the first change in the live panel", () -> liveIds().contains("u-ana"));
    long firstMillis = (System.nanoTime() - start) / 1_000_000;
    for (int i = 1; i < people.length; i++) {
      stack.upsertUser(people[i][0], "b-" + (1 + i % 2), people[i][1], people[i][2], 1);
    }
    stack.upsertEmail("ana@example.com", "u-ana", 1);
    stack.upsertEmail("bo@example.org", "u-bo", 1);
    stack.upsertUser("u-ana", "b-1", "Ana María", "Gómez", 2);
    stack.deleteUser("u-eli", 2);
    browser.waitFor(
        "every change in the live panel",
        () -> browser.findAll("#live-list tr").size() >= people.length + 4);

    assertThat(browser.driver().executeScript("return window.__sameDocument === true"))
        .isEqualTo(true);
    assertThat(liveIds())
        .containsOnly(
            "u-ana", "u-bo", "u-chen", "u-dara", "u-eli", "ana@example.com", "bo@example.org");
    // Newest first; one item's changes in the order applied.
    List<WebElement> rows = browser.findAll("#live-list tr");
    assertThat(rows.get(0).getDomAttribute("data-id")).isIn("u-eli", "u-ana");
    assertThat(browser.find("#live-list tr[data-id='u-eli'][data-op='delete']").getText())
        .contains("delete");
    assertThat(browser.find("#live-count").getText()).isEqualTo(String.valueOf(people.length + 4));
    // The main view reloads itself on request only: show the search with the new users too.
    browser.find("form.search button[type=submit]").click();
    browser.waitFor(
        "the search to list the new users",
        () -> browser.findAll(".results tbody tr").size() >= people.length - 1);
    browser.screenshot("console-live");

    browser.find("#live-list tr[data-id='u-chen'] a").click();
    browser.waitFor(
        "the user's detail",
        () -> "page".equals(browser.find(".detail").getDomAttribute("data-state")));
    assertThat(browser.find("#view h2").getText()).isEqualTo("User u-chen");
    assertThat(browser.find("dd[data-property=lastName]").getText()).isEqualTo("Wei");
    assertThat(browser.driver().executeScript("return window.__sameDocument === true"))
        .isEqualTo(true);

    assertThat(browser.consoleMessages())
        .filteredOn(m -> m.getKey().intValue() >= Level.WARNING.intValue())
        .isEmpty();
    System.out.printf(
        "console live: first change shown %d ms after it was produced%n", firstMillis);
  }
}
