package org.dpgfed.harvester.web.ui;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The interface's test node (see {@link UiNode}) and a browser pointed at it, started once for a test
 * class: {@code @RegisterExtension static final UiBrowser ui = new UiBrowser();}.
 */
final class UiBrowser implements BeforeAllCallback, AfterAllCallback {
  private Path dir;
  private Chromium chromium;
  private Vertx vertx;
  private TestNode node;

  /** Starts the browser first, so that without one the class is skipped before a node is built. */
  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("ui-browser");
    chromium = Chromium.start(dir.resolve("profile"));
    vertx = Vertx.vertx();
    node = UiNode.start(vertx, dir);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (chromium != null) {
      chromium.close();
    }
    if (node != null) {
      node.close();
    }
    if (vertx != null) {
      vertx.close();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  Chromium chromium() {
    return chromium;
  }

  ChromeDriver driver() {
    return chromium.driver;
  }

  TestNode node() {
    return node;
  }

  /**
   * Opens a page. A blank page first: a page left by an earlier test may still reload itself (the
   * Sources page does once a harvest is over), and that reload could take the place of this one.
   */
  void open(String path) {
    chromium.driver.get("about:blank");
    chromium.driver.get(node.url(path));
  }

  /**
   * Clicks what leads to another page and waits until the browser has loaded it: a click returns
   * before the navigation it starts, so the old page could otherwise still be read.
   */
  void follow(By link, String urlPart) {
    chromium.driver.findElement(link).click();
    new WebDriverWait(chromium.driver, Duration.ofSeconds(30)).until(ExpectedConditions.and(
        ExpectedConditions.urlContains(urlPart),
        driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState"))));
  }

  /** Types the operator's token into the Sources page and keeps it for the tab. */
  void enterTheToken() {
    open("/sources?lang=en");
    chromium.driver.findElement(By.id("token")).sendKeys(TestNode.ADMIN);
    chromium.driver.findElement(By.id("token-save")).click();
  }
}
