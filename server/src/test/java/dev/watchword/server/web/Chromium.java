package dev.watchword.server.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium driven through Debian's chromedriver: both come from the machine, so nothing
 * is downloaded (Selenium Manager is never asked, because driver and browser are both given).
 * Under {@code CI=true} a missing browser fails the build instead of skipping the tests.
 */
final class Chromium {

  static final Path BROWSER = Path.of(System.getenv().getOrDefault("WATCHWORD_CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getenv().getOrDefault("WATCHWORD_CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Chromium() {}

  static void requireInstalled() {
    boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    if ("true".equals(System.getenv("CI")) && !installed) {
      throw new AssertionError(BROWSER + " and " + DRIVER
          + " are required when CI=true; install the Debian packages chromium and chromium-driver");
    }
    assumeTrue(installed, "chromium and chromedriver are not installed");
  }

  static ChromeDriver start() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--window-size=1280,900", "--lang=en-GB", "--disable-search-engine-choice-screen");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER.toString()))
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    return driver;
  }
}
