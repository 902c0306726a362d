package org.dpgfed.harvester.web.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by its chromedriver, both at fixed paths so that Selenium Manager has
 * nothing to download. Without them the browser tests are skipped, except under CI=true.
 */
final class Chromium implements AutoCloseable {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  /** Where .ci/run installs axe-core. */
  static final Path AXE = Path.of(System.getProperty("axe.path", ".ci/axe/node_modules/axe-core/axe.min.js"));
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  final ChromeDriver driver;

  private Chromium(ChromeDriver driver) {
    this.driver = driver;
  }

  static boolean ci() {
    return "true".equals(System.getenv("CI"));
  }

  /** Starts a headless browser with a fresh profile, or skips (fails under CI) when there is none. */
  static Chromium start(Path profile) {
    boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    if (ci()) {
      Assertions.assertTrue(present, "CI=true: the browser tests need " + BROWSER + " and " + DRIVER);
    }
    Assumptions.assumeTrue(present, "no " + BROWSER + " or " + DRIVER + "; the browser tests are skipped");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60)).pageLoadTimeout(Duration.ofSeconds(60));
    return new Chromium(driver);
  }

  /** axe-core's source, or null (a skip) when it is not installed; under CI it must be. */
  static String axe() throws IOException {
    if (ci()) {
      Assertions.assertTrue(Files.isReadable(AXE), "CI=true: axe-core must be installed at " + AXE);
    }
    return Files.isReadable(AXE) ? Files.readString(AXE) : null;
  }

  /** The accessibility violations axe-core finds in the current page, one line each. */
  String violations(String axeSource) {
    driver.executeScript(axeSource);
    Object found = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
        + "  done(r.violations.map(function (v) { return v.id + ' (' + v.impact + '): '"
        + "    + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }).join('\\n'));"
        + "}, function (e) { done('axe failed: ' + e); });");
    return String.valueOf(found);
  }

  /**
   * Bytes the current page and everything it loaded took over the network, as on a first visit: a
   * file the browser still held in memory (transfer size 0) counts as its compressed body plus as
   * many header bytes as the page itself had.
   */
  long transferred() {
    Object bytes = driver.executeScript("var n = performance.getEntriesByType('navigation')[0];"
        + "var headers = n.transferSize - n.encodedBodySize;"
        + "return performance.getEntriesByType('resource').reduce(function (sum, e) {"
        + "  return sum + (e.transferSize || e.encodedBodySize + headers); }, n.transferSize);");
    return ((Number) bytes).longValue();
  }

  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    File shot = driver.getScreenshotAs(OutputType.FILE);
    return Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
