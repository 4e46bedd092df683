package dev.watchword.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One person's browser on the web UI, with the few verbs the tests need. */
final class BrowserSession implements AutoCloseable {

  private static final Path SCREENSHOTS = Path.of(System.getProperty("watchword.screenshots.dir", "../docs/screenshots"));

  final ChromeDriver driver;
  private final String baseUrl;

  BrowserSession(int port) {
    this(port, false);
  }

  /** With {@code dark}, the pages see {@code prefers-color-scheme: dark}, as on a phone set to dark mode. */
  BrowserSession(int port, boolean dark) {
    this.driver = Chromium.start();
    // localhost, not 127.0.0.1: the WebAuthn RP ID and a secure context for __Host- cookies.
    this.baseUrl = "http://localhost:" + port;
    if (dark) {
      driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
          List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
    }
  }

  void open(String path) {
    driver.get(baseUrl + path);
  }

  /**
   * Signs in as the holder of an API token by setting the web session cookie directly: for an
   * administrator made through the API (no password), whose pages the tests look at.
   */
  void signInWithToken(String token) {
    open("/signin");
    driver.manage().addCookie(new org.openqa.selenium.Cookie.Builder("__Host-watchword", token)
        .path("/").isSecure(true).isHttpOnly(true).sameSite("Strict").build());
  }

  String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  WebElement find(String css) {
    return waitFor(css);
  }

  WebElement waitFor(String css) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(10))
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    } catch (TimeoutException e) {
      throw new AssertionError("no visible " + css + " on " + describe(), e);
    }
  }

  void waitForPath(String path) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path().equals(path));
    } catch (TimeoutException e) {
      throw new AssertionError("expected to reach " + path + " but on " + describe(), e);
    }
  }

  /** Where the browser is and what the page says, for a failure message. */
  private String describe() {
    String text = driver.findElement(By.tagName("body")).getText();
    return path() + ":\n" + (text.length() > 1500 ? text.substring(0, 1500) : text) + "\nconsole: " + consoleErrors();
  }

  void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  void click(String css) {
    find(css).click();
  }

  String text(String css) {
    return find(css).getText();
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The browser console's complaints: a strict CSP shows each blocked script or style here. */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  void assertNoCspViolations() {
    assertThat(consoleErrors()).noneMatch(message -> message.contains("Content Security Policy"));
  }

  /**
   * What Deque's axe-core finds wrong on the current page against WCAG 2.1 A and AA, one line per
   * rule and element: {@code path [scheme] rule (impact): element}. Empty when the page passes.
   */
  List<String> accessibilityViolations() {
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
        .analyze(driver);
    String scheme = Boolean.TRUE.equals(driver.executeScript(
        "return matchMedia('(prefers-color-scheme: dark)').matches")) ? "dark" : "light";
    List<String> found = new java.util.ArrayList<>();
    for (Rule rule : results.getViolations()) {
      for (CheckedNode node : rule.getNodes()) {
        found.add(path() + " [" + scheme + "] " + rule.getId() + " (" + rule.getImpact() + "): " + node.getTarget()
            + " " + node.getFailureSummary());
      }
    }
    return found;
  }

  /** Scrolls an element to the top of the window, so a screenshot shows it. */
  void scrollTo(String css) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", find(css));
  }

  /** Saves a screenshot for the docs when {@code -Dwatchword.screenshots=true}. */
  void screenshot(String name) {
    if (!Boolean.getBoolean("watchword.screenshots")) {
      return;
    }
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
