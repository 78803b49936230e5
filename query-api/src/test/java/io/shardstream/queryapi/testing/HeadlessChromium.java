package io.shardstream.queryapi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * Debian's Chromium, headless, driven by its own chromedriver (never downloaded: Selenium Manager
 * is bypassed by naming both binaries). Missing binaries fail the test with the command that
 * installs them.
 */
public final class HeadlessChromium implements AutoCloseable {
  public static final Path BROWSER = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  private final ChromeDriver driver;

  public HeadlessChromium() {
    for (Path binary : List.of(BROWSER, DRIVER)) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(
            binary
                + " is missing: the browser tests need Debian's Chromium and its driver"
                + " (apt-get install -y chromium chromium-driver)");
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
    waitFor("the console to start", () -> "true".equals(bodyData("ready")));
  }

  public String bodyData(String name) {
    return driver.findElement(By.tagName("body")).getDomAttribute("data-" + name);
  }

  /**
   * Waits for a condition the page reaches by itself. The bound is generous: the wait ends as soon
   * as the page gets there; only a page that never does fails.
   */
  public void waitFor(String what, java.util.function.BooleanSupplier condition) {
    new FluentWait<>(driver)
        .withTimeout(Duration.ofSeconds(60))
        .pollingEvery(Duration.ofMillis(50))
        .withMessage(() -> "waiting for " + what + " at " + driver.getCurrentUrl())
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> condition.getAsBoolean());
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The browser console's messages since the last call, as level and text. */
  public List<Map.Entry<Level, String>> consoleMessages() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map((LogEntry e) -> Map.entry(e.getLevel(), e.getMessage()))
        .toList();
  }

  /**
   * The SEVERE console messages since the last call that are the page's own fault: Chromium also
   * logs every failed request (a 401, 403 or 404 a test provokes) as "Failed to load resource".
   */
  public List<String> scriptErrors() {
    return consoleMessages().stream()
        .filter(m -> m.getKey().intValue() >= Level.SEVERE.intValue())
        .map(Map.Entry::getValue)
        .filter(
            text -> !text.contains("Failed to load resource: the server responded with a status"))
        .toList();
  }

  public void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
