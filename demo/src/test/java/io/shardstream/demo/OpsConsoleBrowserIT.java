package io.shardstream.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.queryapi.testing.HeadlessChromium;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * The console's dead letters and pipeline views in headless Chromium, on the demo's writer and
 * query API over a real broker, DynamoDB Local and the registry: a bad event appears under its
 * reason with its original event, the pipeline shows the writer ready and its lag, and a
 * beneficiary-bound key is refused. Saves {@code console-dead-letters.png} and {@code
 * console-pipeline.png} (the README's pictures) under {@link HeadlessChromium#SCREENSHOTS}.
 */
@ExtendWith(DevStackExtension.class)
class OpsConsoleBrowserIT {
  @TempDir static Path data;
  private static OpsStack stack;
  private static HeadlessChromium browser;

  @BeforeAll
  static void start(KafkaEndpoint kafka, DynamoDbEndpoint dynamoDb, RegistryEndpoint registry) {
    stack = new OpsStack(kafka.bootstrapServers(), dynamoDb.url(), registry.url(), data);
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

  @BeforeEach
  void clearConsoleLog() {
    browser.consoleMessages();
  }

  @AfterEach
  void noScriptErrors() {
    assertThat(browser.scriptErrors()).as("the page's own errors").isEmpty();
  }

  private static void signIn(String key, String query) {
    String url = stack.queryApi() + "/console/?" + query;
    browser.open(url);
    browser.driver().executeScript("sessionStorage.clear()");
    browser.open(url);
    browser.waitFor("the key prompt", () -> browser.find("#key-panel").isDisplayed());
    browser.find("#key-input").sendKeys(key);
    browser.find("#key-form button[type=submit]").click();
  }

  private static String state(String part) {
    return browser.find(part).getDomAttribute("data-state");
  }

  private static String shownCount(String reason) {
    var cells = browser.findAll("table.reasons tr[data-reason='" + reason + "'] td.count");
    return cells.isEmpty() ? "0" : cells.get(0).getText();
  }

  @Test
  void aBadEventAppearsUnderItsReasonAndThePipelineShowsTheWriter() {
    signIn(OpsStack.FULL_KEY, "view=dead-letters");
    browser.waitFor(
        "the dead letters view",
        () -> "page,empty".contains(String.valueOf(state(".dead-letters"))));
    ProgressWait.awaitProgress(
        "the query API has read the dead-letter topic to its end",
        "its total",
        () -> stack.get("/v1/dead-letters", OpsStack.FULL_KEY).json().get("total"),
        () -> stack.get("/v1/dead-letters", OpsStack.FULL_KEY).json().get("caughtUp").asBoolean());
    long before =
        OpsStack.count(stack.get("/v1/dead-letters", OpsStack.FULL_KEY).json(), OpsStack.BAD_PHONE);
    String userId = "browser-" + UUID.randomUUID().toString().substring(0, 8);

    stack.sendGarbage(userId + "-garbage");
    stack.sendUser(userId, "555-1234");

    browser.waitFor(
        "the bad event counted under " + OpsStack.BAD_PHONE + " without a reload",
        () -> shownCount(OpsStack.BAD_PHONE).equals(Long.toString(before + 1)));
    browser.waitFor(
        "the undecodable one counted too", () -> !shownCount(OpsStack.NOT_FRAMED).equals("0"));
    browser.find("table.reasons tr[data-reason='" + OpsStack.BAD_PHONE + "']").click();
    WebElement newest =
        browser.find("table.letters tbody tr[data-reason='" + OpsStack.BAD_PHONE + "']");
    newest.click();
    browser.waitFor(
        "the dead letter's original event",
        () -> browser.find("section.letter pre[data-event=json]").getText().contains(userId));
    assertThat(browser.find("section.letter dd[data-property=reason]").getText())
        .isEqualTo(OpsStack.BAD_PHONE);
    assertThat(browser.find("section.letter pre[data-event=json]").getText()).contains("555-1234");
    browser.screenshot("console-dead-letters");

    browser.find("a[data-view=pipeline]").click();
    browser.waitFor(
        "the writer ready and caught up",
        () ->
            "page".equals(state(".pipeline"))
                && !browser.findAll(".pipeline tr[data-ready=true]").isEmpty()
                && browser.find("[data-figure=lag] .value").getText().equals("0"));
    assertThat(browser.find("[data-figure=writers] .value").getText()).isEqualTo("1/1");
    assertThat(browser.findAll(".pipeline table.lag tr[data-topic]")).hasSize(2);
    browser.screenshot("console-pipeline");
  }

  @Test
  void aBeneficiaryBoundKeyIsRefused() {
    signIn(OpsStack.BOUND_KEY, "view=pipeline");
    browser.waitFor("the refusal", () -> "problem".equals(state(".pipeline")));
    assertThat(browser.find(".pipeline .problem").getText())
        .contains("403")
        .contains("full-access API key");
  }
}
