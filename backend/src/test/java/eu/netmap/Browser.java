package eu.netmap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Selenium WebDriver, for tests of the web app in a real browser. Uses
 * Debian's {@code chromium} and {@code chromium-driver} (scripts/install-test-deps.sh installs
 * them; override with the CHROMIUM_BIN and CHROMEDRIVER_BIN environment variables); when they are
 * missing the calling test is skipped, not failed. Each browser gets a fresh profile directory.
 */
public final class Browser implements AutoCloseable {

  /** Where screenshots go (the module's target directory when Maven runs the tests). */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final WebDriver driver;
  private final Path profile;
  private final String base;

  private Browser(WebDriver driver, Path profile, String base) {
    this.driver = driver;
    this.profile = profile;
    this.base = base;
  }

  /**
   * Starts headless Chromium with a window of the given size, for the app on this port; skips the
   * test (JUnit assumption) when Chromium or its driver is not installed.
   */
  public static Browser start(int port, int width, int height) {
    Path chromium = Path.of(env("CHROMIUM_BIN", "/usr/bin/chromium"));
    Path chromedriver = Path.of(env("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    Assumptions.assumeTrue(
        Files.isExecutable(chromium) && Files.isExecutable(chromedriver),
        "Browser tests skipped: "
            + chromium
            + " or "
            + chromedriver
            + " is not installed (apt-get install chromium chromium-driver, or run"
            + " scripts/install-test-deps.sh)");
    Path profile;
    try {
      profile = Files.createTempDirectory("netmap-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return new Browser(driver, profile, "http://127.0.0.1:" + port);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens a path of the app ("/#/explore"). */
  /**
   * Opens {@code path} as a first visit would: the window at the given size, local storage emptied
   * but for the language, the page reloaded, console messages so far dropped.
   */
  public void freshPage(int width, int height, String lang, String path) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    open("/");
    script("localStorage.clear(); localStorage.setItem('netmap.lang', arguments[0])", lang);
    open(path);
    // a reload, not a hash change: every test starts with a new page
    driver.navigate().refresh();
    consoleErrors(List.of());
  }

  public void open(String path) {
    driver.get(base + path);
  }

  /** Waits for an element to be visible and returns it. */
  public WebElement visible(By by) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits for an element to be in the page (visible or not) and returns it. */
  public WebElement present(By by) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
  }

  /** Waits until an element's text contains the given text. */
  public void textIn(By by, String text) {
    new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /** Waits until a condition holds. */
  public <T> T until(java.util.function.Function<WebDriver, T> condition) {
    return until(condition, WAIT);
  }

  /** Waits up to the given time until a condition holds. */
  public <T> T until(java.util.function.Function<WebDriver, T> condition, Duration timeout) {
    return new WebDriverWait(driver, timeout).until(condition::apply);
  }

  /** Runs JavaScript in the page. */
  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Runs asynchronous JavaScript in the page (the last argument is the callback). */
  public Object asyncScript(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  /** Waits for the graph in the page to come to rest (labels are placed then). */
  public void graphAtRest() {
    until(d -> script("return document.querySelector('.graph-view[data-state=rest]') !== null"));
  }

  /** Saves a screenshot of the page as target/screenshots/{name}.png and returns its path. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The browser console's errors since the last call, less the ones the app expects (an HTTP error
   * it handles shows in the console as a failed resource).
   */
  public List<String> consoleErrors(List<String> expected) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> expected.stream().noneMatch(m::contains))
        .toList();
  }

  /** Reads a JavaScript object returned by {@link #script} as a map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
